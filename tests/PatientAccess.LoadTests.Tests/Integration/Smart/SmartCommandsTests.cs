using System.Buffers.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PatientAccess.LoadTests.Cli;

namespace PatientAccess.LoadTests.Tests.Integration.Smart;

/// <summary>
/// <c>launch</c> and <c>token</c> through the command line (in process) against a real authserver
/// process and a seeded store: what a load tester checks in the token response and the reports.
/// In the loopback collection, so no other load run shares the two cores meanwhile.
/// </summary>
[Collection(LoopbackServerDefinition.Name)]
public sealed class SmartCommandsTests(SmartServices stack) : IClassFixture<SmartServices>, IDisposable
{
    private readonly string _reportDir = Directory.CreateTempSubdirectory("pa-loadtests-token-").FullName;

    public void Dispose() => Directory.Delete(_reportDir, recursive: true);

    [Fact]
    public async Task Launch_TwiceOnAFreshAuthServer_RegistersThenSignsInAndBothGetTokens()
    {
        var server = await stack.StartAuthServerAsync();

        var (firstExit, first, firstError) = await RunAsync(["launch", .. Target(server)]);
        var (secondExit, second, secondError) = await RunAsync(["launch", .. Target(server), "--client", "public", "--categories", "MH"]);

        Assert.True(firstExit == ExitCodes.Ok, firstError);
        Assert.Equal("launch: registered the demo member with john.allen@example.com", firstError.Trim());
        AssertTokenResponse(first);
        Assert.True(secondExit == ExitCodes.Ok, secondError);
        Assert.Equal("launch: signed in as john.allen@example.com (the demo member's account existed)", secondError.Trim());
        var tokens = AssertTokenResponse(second);
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(((string)tokens["access_token"]!).Split('.')[1]))!;
        Assert.Equal("demo-public-app", (string?)claims["client_id"]);
        Assert.Equal(["MH", "PSY"], claims["sensitive_categories"]!.AsArray().Select(c => (string)c!).Order());
        Assert.Equal(2, Directory.GetFiles(Path.Combine(server.DataDirectory, "outbox"), "*.eml").Length);
    }

    [Fact]
    public async Task Launch_AudienceTheAuthServerDoesNotProtect_ExitOneWithTheOAuthError()
    {
        var (exitCode, output, error) = await RunAsync(["launch", .. Target(stack.Shared, audience: "http://localhost:1/other")]);

        Assert.Equal(ExitCodes.RunFailed, exitCode);
        Assert.Empty(output);
        Assert.Equal("error: the authorization server answered the app with error=invalid_request: aud is not the FHIR server this server protects", error.Trim());
    }

    [Theory]
    [InlineData("authorization_code", "token-authorization_code", "/oauth2/token", "--rate", "10")]
    [InlineData("refresh_token", "token-refresh_token", "/oauth2/token", "--concurrency", "2")]
    [InlineData("introspect", "introspect", "/oauth2/introspect", "--concurrency", "2")]
    public async Task Token_ShortRun_NoFailuresAndReportsWritten(string grant, string scenario, string path, string model, string value)
    {
        var (exitCode, output, error) = await RunAsync(
        [
            "token", .. Target(stack.Shared), "--grant", grant, model, value, "--duration", "2s", "--sessions", "2", "--report-dir", _reportDir,
        ]);

        Assert.True(exitCode == ExitCodes.Ok, error + output);
        Assert.Empty(error);
        Assert.Contains("  signed in 2 member sessions as john.allen@example.com", output, StringComparison.Ordinal);
        var row = Regex.Match(output, $@"^  POST {Regex.Escape(path)}\s+(?<count>\d+)\s+(?<ok>\d+)\s+(?<failed>\d+)\s", RegexOptions.Multiline);
        Assert.True(row.Success, output);
        Assert.True(int.Parse(row.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture) > 0, output);
        Assert.Equal(row.Groups["count"].Value, row.Groups["ok"].Value);
        Assert.Equal("0", row.Groups["failed"].Value);
        Assert.Contains("  failures: none", output, StringComparison.Ordinal);
        var markdown = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_reportDir, scenario + "-*.md")), TestContext.Current.CancellationToken);
        Assert.Contains($"| Targets | {stack.Shared.BaseAddress}{path.TrimStart('/')} |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Prepared (not timed) | 2 member sessions, ", markdown, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_reportDir, scenario + "-*.html"));
    }

    private static JsonObject AssertTokenResponse(string output)
    {
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var tokens = JsonNode.Parse(line)!.AsObject();
        Assert.False(string.IsNullOrEmpty((string?)tokens["access_token"]));
        Assert.Equal("Bearer", (string?)tokens["token_type"]);
        Assert.Equal("demo-john-allen", (string?)tokens["patient"]);
        Assert.False(string.IsNullOrEmpty((string?)tokens["refresh_token"]));
        return tokens;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    private string[] Target(RunningAuthServer server, string? audience = null) =>
        ["--authserver", server.BaseAddress.ToString(), "--data", server.DataDirectory, "--aud", audience ?? stack.Audience];
}
