using PatientAccess.LoadTests.Cli;
using PatientAccess.LoadTests.Smart;

namespace PatientAccess.LoadTests.Tests.Unit.Cli;

public sealed class LaunchCommandParserTests : IDisposable
{
    private readonly SmartArguments _args = new();

    public void Dispose() => _args.Dispose();

    [Fact]
    public void Parse_Minimal_DefaultsForClientScopeEmailAndCategories()
    {
        var result = CliParser.Parse(_args.Launch());

        Assert.Null(result.Error);
        var options = Assert.IsType<LaunchCommandOptions>(result.Options);
        Assert.Equal(new Uri("http://127.0.0.1:5001"), options.Target.AuthServer);
        Assert.Equal(_args.DataDirectory, options.Target.DataDirectory);
        Assert.Equal(ClientKind.Confidential, options.Target.Client);
        Assert.Equal("launch/patient openid fhirUser offline_access patient/*.read", options.Target.Scope);
        Assert.Equal("http://localhost:5000/r4", options.Target.Audience);
        Assert.Equal("john.allen@example.com", options.Target.Email);
        Assert.Empty(options.CategoryBoxes);
        Assert.Equal(Path.Combine(_args.DataDirectory, "outbox"), options.Target.Outbox);
    }

    [Fact]
    public void Parse_AllOptions_Read()
    {
        var result = CliParser.Parse(_args.Launch(
            "--client", "public", "--scope", "launch/patient patient/Coverage.rs", "--email", "jane@example.org", "--categories", "MH, psy,ETH,hiv"));

        var options = Assert.IsType<LaunchCommandOptions>(result.Options);
        Assert.Equal(ClientKind.Public, options.Target.Client);
        Assert.Equal("launch/patient patient/Coverage.rs", options.Target.Scope);
        Assert.Equal("jane@example.org", options.Target.Email);
        // MH and PSY are one box on the sharing page; it is ticked once.
        Assert.Equal(["mental", "sud", "hiv"], options.CategoryBoxes);
    }

    [Fact]
    public void Parse_ClientIdAndClientsFile_ThatAppFromThatFile()
    {
        var clients = Path.Combine(_args.DataDirectory, "portal-apps.json");
        File.WriteAllText(clients, """[{"client_id":"portal-app","client_secret":"x","redirect_uris":["https://app.example/cb"]}]""");

        var result = CliParser.Parse(_args.Launch("--client-id", "portal-app", "--clients", clients));

        var options = Assert.IsType<LaunchCommandOptions>(result.Options);
        Assert.Equal("portal-app", options.Target.ClientId);
        Assert.Equal(new DemoClient("portal-app", "x", new Uri("https://app.example/cb")), options.Target.LoadClient());
        Assert.Equal("en", options.Language);
        Assert.Equal("es", Assert.IsType<LaunchCommandOptions>(CliParser.Parse(_args.Launch("--language", "es")).Options).Language);
    }

    [Theory]
    [InlineData("--authserver: required", "--no-authserver")]
    [InlineData("--authserver: 'not a url' is not an absolute http:// or https:// URL", "--authserver", "not a url")]
    [InlineData("--authserver: 'http://10.1.2.3:5001' is not on this machine", "--authserver", "http://10.1.2.3:5001")]
    [InlineData("--authserver: 'http://127.0.0.1:5001/?x=1' must be a base URL without query or fragment", "--authserver", "http://127.0.0.1:5001/?x=1")]
    [InlineData("--data: required", "--no-data")]
    [InlineData("--data: '/no/such/folder' is not a folder", "--data", "/no/such/folder")]
    [InlineData("--aud: required", "--no-aud")]
    [InlineData("--aud: 'r4' is not an absolute http:// or https:// URL", "--aud", "r4")]
    [InlineData("--client: 'secret' is not confidential or public", "--client", "secret")]
    [InlineData("--scope: must be space-separated scopes", "--scope", " ")]
    [InlineData("--email: 'john' is not an e-mail address", "--email", "john")]
    [InlineData("--email: 'john@localhost' is not an e-mail address", "--email", "john@localhost")]
    [InlineData("--categories: 'XYZ' is not a sensitive category; use ETH, PSY, MH", "--categories", "MH,XYZ")]
    [InlineData("--clients: give --client-id too", "--clients", "/etc/hostname")]
    [InlineData("--clients: '/no/such/file.json' is not a file", "--client-id", "portal-app", "--clients", "/no/such/file.json")]
    [InlineData("--language: 'fr' is not en or es", "--language", "fr")]
    [InlineData("unknown argument '--rate'", "--rate", "5")]
    [InlineData("--email: missing value", "--email")]
    [InlineData("--allow-remote: takes no value", "--allow-remote=yes")]
    public void Parse_BadInput_OneLineNamingTheArgument(string expected, params string[] change)
    {
        var result = CliParser.Parse(_args.Launch(change));

        Assert.Null(result.Options);
        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void Parse_DataWithoutDemoClients_SaysWhichFolderToGive()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_args.DataDirectory, "empty")).FullName;

        var result = CliParser.Parse(_args.Launch("--data", empty));

        Assert.Equal($"--data: '{empty}' has no demo-clients.json; give the data folder of the running stack (./run.sh uses .data)", result.Error);
    }

    [Fact]
    public void Parse_RemoteAuthServerWithAllowRemote_Accepted()
    {
        var result = CliParser.Parse(_args.Launch("--authserver", "http://10.1.2.3:5001", "--allow-remote"));

        Assert.True(Assert.IsType<LaunchCommandOptions>(result.Options).Target.AllowRemote);
    }

    [Fact]
    public async Task RunAsync_BadInput_ExitCode2AndNothingOnStandardOutput()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CliApp.RunAsync(_args.Launch("--no-aud"), output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.BadInput, exitCode);
        Assert.StartsWith("error: --aud: required;", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("http://localhost:5000/r4", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
