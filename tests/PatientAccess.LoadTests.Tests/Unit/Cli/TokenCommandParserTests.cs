using PatientAccess.LoadTests.Cli;
using PatientAccess.LoadTests.Scenarios.Token;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Tests.Unit.Cli;

public sealed class TokenCommandParserTests : IDisposable
{
    private readonly SmartArguments _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public void Parse_RefreshOpenModel_OptionsAndPoolSize()
    {
        var result = CliParser.Parse(_args.Token("--rate", "100", "--duration", "30s", "--timeout", "2s", "--sessions", "8", "--client", "public"));

        Assert.Null(result.Error);
        var options = Assert.IsType<TokenCommandOptions>(result.Options);
        Assert.Equal(TokenGrant.RefreshToken, options.Grant);
        Assert.Equal("token-refresh_token", options.ScenarioName);
        Assert.Equal(8, options.Sessions);
        Assert.Equal(ClientKind.Public, options.Target.Client);
        Assert.Equal(100, options.Load.Rate);
        Assert.Equal(TimeSpan.FromSeconds(2), options.Load.Timeout);
        // Little's law: 100/s × 250 ms = 25 in flight; the pool holds twice that.
        Assert.Equal(50, options.PreparedCount);
    }

    [Theory]
    [InlineData("refresh_token", "--concurrency", "6", 12)]
    [InlineData("refresh_token", "--rate", "1", 4)]
    [InlineData("authorization_code", "--rate", "10", 20)]
    [InlineData("authorization_code", "--concurrency", "3", 600)]
    [InlineData("introspect", "--rate", "500", 16)]
    public void Parse_Plan_PreparesWhatTheRunConsumes(string grant, string model, string value, int expected)
    {
        var change = model == "--concurrency" ? new[] { "--no-rate", model, value } : [model, value];

        var result = CliParser.Parse(_args.Token(["--grant", grant, .. change]));

        Assert.Null(result.Error);
        Assert.Equal(expected, Assert.IsType<TokenCommandOptions>(result.Options).PreparedCount);
    }

    [Fact]
    public void Parse_CodesWithConcurrency_OverridesTheDefault()
    {
        var result = CliParser.Parse(_args.Token("--grant", "authorization_code", "--no-rate", "--concurrency", "2", "--codes", "50"));

        var options = Assert.IsType<TokenCommandOptions>(result.Options);
        Assert.Equal(50, options.PreparedCount);
        Assert.Equal("token-authorization_code", options.ScenarioName);
    }

    [Theory]
    [InlineData("--grant: required", "--no-grant")]
    [InlineData("--grant: 'password' is not authorization_code, refresh_token or introspect", "--grant", "password")]
    [InlineData("--sessions: must be between 1 and 64", "--sessions", "65")]
    [InlineData("--sessions: 'many' is not a whole number", "--sessions", "many")]
    [InlineData("--codes: only for --grant authorization_code", "--codes", "10")]
    [InlineData("--codes: only with --concurrency", "--grant", "authorization_code", "--codes", "10")]
    [InlineData("--client: introspection authenticates as the confidential app", "--grant", "introspect", "--client", "public")]
    [InlineData("--scope: refresh_token needs offline_access or online_access", "--scope", "launch/patient patient/*.read")]
    [InlineData("--duration: 300 s of load and the 5 s timeout outlive the authorization codes' 5-minute lifetime", "--grant", "authorization_code", "--duration", "5m")]
    [InlineData("--duration: 290 s of load and the 10 s timeout outlive", "--grant", "authorization_code", "--duration", "290s", "--timeout", "10s")]
    [InlineData("--rate: this plan needs 200000 prepared codes or tokens; at most 100000", "--grant", "authorization_code", "--rate", "2000", "--duration", "100s")]
    [InlineData("--rate and --concurrency cannot be combined", "--concurrency", "2")]
    [InlineData("--rate: required", "--no-rate")]
    [InlineData("--duration: required", "--no-duration")]
    [InlineData("--aud: required", "--no-aud")]
    [InlineData("--authserver: 'http://example.com' is not on this machine", "--authserver", "http://example.com")]
    [InlineData("unknown argument '--categories'", "--categories", "MH")]
    [InlineData("unknown argument '--url'", "--url", "http://127.0.0.1:5001/")]
    public void Parse_BadInput_OneLineNamingTheArgument(string expected, params string[] change)
    {
        var result = CliParser.Parse(_args.Token(change));

        Assert.Null(result.Options);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void Parse_RefreshWithOnlineAccess_Accepted()
    {
        var result = CliParser.Parse(_args.Token("--scope", "launch/patient online_access patient/*.rs"));

        Assert.Null(result.Error);
    }

    [Fact]
    public async Task RunAsync_BadInput_ExitCode2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(_args.Token("--grant", "implicit"), output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.Equal("error: --grant: 'implicit' is not authorization_code, refresh_token or introspect (see --help)" + Environment.NewLine, error.ToString());
        Assert.Empty(output.ToString());
    }
}
