using System.Text.Json.Nodes;
using System.Web;
using PatientAccess.EndToEnd.Tests.Foundation;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Sandbox;

/// <summary>
/// Issue 14: a newcomer goes from ./run.sh to a token and an ExplanationOfBenefit read by copy
/// and paste. The test takes what ./run.sh printed, opens each authorize URL as a browser would
/// (registering John Allen with an address of its own each time), pastes the code into the printed
/// curl commands, runs them with bash and reads the claims through the real gateway.
/// </summary>
[Collection(RunScriptGroup.Name)]
public sealed class DemoGuideTests
{
    [Fact]
    public async Task RunSh_PrintedDemoGuide_CopyAndPasteLeadsToExplanationOfBenefit()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("pa-guide-").FullName, ".data");
        await using var run = new RunScript(data);
        Assert.True(await run.WaitForOutputAsync("Press Ctrl-C to stop.", TimeSpan.FromMinutes(5)), run.Output);
        var lines = run.Output.Split('\n').Select(l => l.Trim()).ToList();
        var secret = (string)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(data, "demo-clients.json"), TestContext.Current.CancellationToken))![0]!["client_secret"]!;
        Assert.Contains("client_secret  " + secret, lines);
        var outbox = Path.Combine(data, "outbox");

        // The standard flow for each app (PKCE verifier printed beside the URL), then the documented test flow.
        string[] apps = ["client_id=demo-confidential-app", "client_id=demo-public-app"];
        var flows = apps.Select(app => lines.FindIndex(l => l.Contains("/oauth2/authorize?", StringComparison.Ordinal) && l.Contains(app, StringComparison.Ordinal)))
            .Append(lines.FindIndex(l => l.Contains("/oauth2/authorize/test?", StringComparison.Ordinal)))
            .ToList();
        Assert.DoesNotContain(-1, flows);
        foreach (var at in flows)
        {
            var url = lines[at];
            Assert.StartsWith($"http://localhost:{run.Ports["PA_AUTHSERVER_PORT"]}/", url, StringComparison.Ordinal);
            if (!url.Contains("/test?", StringComparison.Ordinal))
            {
                var query = HttpUtility.ParseQueryString(new Uri(url).Query);
                Assert.False(string.IsNullOrEmpty(query["state"]));
                Assert.Equal("S256", query["code_challenge_method"]);
                Assert.StartsWith("code_verifier  ", lines[at + 1], StringComparison.Ordinal);
            }

            var back = await MemberWalk.AuthorizeAsync(url, outbox, "dev" + Guid.NewGuid().ToString("N")[..8] + "@example.com");
            var code = HttpUtility.ParseQueryString(back.Query)["code"];
            Assert.False(string.IsNullOrEmpty(code), back.ToString());

            // The next two curl commands after the URL: the token exchange, then (printed once) the read.
            var exchange = lines.Skip(at).First(l => l.StartsWith("curl ", StringComparison.Ordinal));
            var (exit, answer) = await BashAsync($"CODE='{code}'\n{exchange}");
            Assert.True(exit == 0, answer);
            var tokens = JsonNode.Parse(answer)!;
            Assert.True(tokens["access_token"] is not null, answer);
            Assert.Equal("demo-john-allen", (string?)tokens["patient"]);

            var read = lines.First(l => l.StartsWith("curl ", StringComparison.Ordinal) && l.Contains("/ExplanationOfBenefit", StringComparison.Ordinal));
            Assert.Contains($"http://localhost:{run.Ports["PA_GATEWAY_PORT"]}/r4/ExplanationOfBenefit", read, StringComparison.Ordinal);
            (exit, answer) = await BashAsync($"ACCESS_TOKEN='{(string)tokens["access_token"]!}' PATIENT='{(string)tokens["patient"]!}'\n{read}");
            Assert.True(exit == 0, answer);
            var bundle = JsonNode.Parse(answer)!;
            Assert.Equal("Bundle", (string?)bundle["resourceType"]);
            var entries = bundle["entry"]!.AsArray();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.Equal("ExplanationOfBenefit", (string?)e!["resource"]!["resourceType"]));
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunSh_Help_PrintsUsageAndEverySettingWithoutStartingAnything(string option)
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("pa-help-").FullName, ".data");
        var (exit, output) = await RunShAsync(data, option);
        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: ./run.sh", output, StringComparison.Ordinal);
        foreach (var setting in new[]
        {
            "PA_DATA_DIR", "PA_GATEWAY_PORT", "PA_AUTHSERVER_PORT", "PA_FHIRSTORE_PORT", "PA_MONITOR_PORT", "PA_GATEWAY_MANAGEMENT_PORT",
            "PA_AUTHSERVER_MANAGEMENT_PORT", "PA_FHIRSTORE_MANAGEMENT_PORT", "PA_MONITOR_MANAGEMENT_PORT", "PA_REDIS_PORT", "PA_READY_TIMEOUT",
            "PA_SEED_MEMBERS", "PA_SEED",
        })
        {
            Assert.Contains(setting, output, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(data), "--help created the data folder");
    }

    [Fact]
    public async Task RunSh_UnknownOption_ClearErrorAndExit2()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("pa-help-").FullName, ".data");
        var (exit, output) = await RunShAsync(data, "--frobnicate");
        Assert.Equal(2, exit);
        Assert.Equal("run.sh: unknown option '--frobnicate'; see ./run.sh --help", output.Trim());
        Assert.False(Directory.Exists(data));
    }

    private static Task<(int ExitCode, string Output)> BashAsync(string script) =>
        ExternalTool.RunAsync("bash", ["-c", "set -e\n" + script], timeout: TimeSpan.FromSeconds(60));

    private static Task<(int ExitCode, string Output)> RunShAsync(string data, string option) =>
        ExternalTool.RunAsync("env", ["PA_DATA_DIR=" + data, "bash", Path.Combine(RepoPaths.Root, "run.sh"), option], timeout: TimeSpan.FromSeconds(30));
}
