using System.Text.RegularExpressions;
using PatientAccess.LoadTests.Cli;

namespace PatientAccess.LoadTests.Tests.Integration.Cli;

/// <summary>The whole command line, in process, against a loopback server: summary and report files.</summary>
[Collection(LoopbackServerDefinition.Name)]
public sealed class HttpCommandTests(LoopbackServer server) : IDisposable
{
    private readonly string _reportDir = Path.Combine(Path.GetTempPath(), "pa-loadtests-run-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_reportDir))
        {
            Directory.Delete(_reportDir, recursive: true);
        }
    }

    [Fact]
    public async Task RunAsync_HttpCommand_WritesSummaryAndBothReports()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "http", "--url", server.Url("/ok").ToString(), "--url", server.Url("/fail").ToString(), "--url", server.Url("/slow?ms=5000").ToString(),
            "--rate", "30", "--duration", "1s", "--timeout", "1s", "--header", "X-Load-Test: yes", "--report-dir", _reportDir,
        ];

        var exitCode = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Empty(error.ToString());
        var summary = output.ToString();
        Assert.Contains("offered 30.0/s, started 30.0/s, dropped 0", summary, StringComparison.Ordinal);
        Assert.True(Regex.IsMatch(summary, @"^  GET\s+30\s+10\s+20\s", RegexOptions.Multiline), summary);
        Assert.Contains("GET 503 × 10", summary, StringComparison.Ordinal);
        Assert.Contains("GET timeout × 10", summary, StringComparison.Ordinal);

        var markdown = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_reportDir, "http-get-*.md")), TestContext.Current.CancellationToken);
        Assert.Contains("## Steps", markdown, StringComparison.Ordinal);
        Assert.Contains("| step | count | ok | failed | req/s | min ms |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| GET \| 30 \| 10 \| 20 \|", markdown);
        Assert.Contains("| GET | 200 × 10 | 503 × 10, timeout × 10 |", markdown, StringComparison.Ordinal);
        Assert.Contains("--rate 30 --duration 1s", markdown, StringComparison.Ordinal);
        Assert.Contains($"{Environment.ProcessorCount} cores", markdown, StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_reportDir, "http-get-*.html")), TestContext.Current.CancellationToken);
        Assert.Contains("<h2>Steps</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<td>GET</td><td>30</td><td>10</td><td>20</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th>p99.9 ms</th>", html, StringComparison.Ordinal);
    }

    /// <summary>A run made with a live token and secrets: no console line and no report file may carry them.</summary>
    [Fact]
    public async Task RunAsync_TokenAndSecrets_AbsentFromEveryOutputRedactedMarkersInstead()
    {
        const string jwt = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJwYXQtMSIsInNjb3BlIjoicGF0aWVudC8qLnJlYWQifQ.U0lHTkFUVVJFLXNlY3JldA";
        const string opaque = "opaque-live-token-7f3a";
        const string querySecret = "query-secret-91b2";
        const string apiKey = "api-key-secret-55c0";
        using var output = new StringWriter();
        using var error = new StringWriter();
        string[] args =
        [
            "http", "--url", server.Url($"/ok?access_token={querySecret}&client_secret={querySecret}").ToString(),
            "--header", "Authorization: Bearer " + jwt, "--header=X-Api-Key: " + apiKey, "--header", "X-Load-Test: yes",
            "--rate", "10", "--duration", "500ms", "--report-dir", _reportDir,
        ];

        var exitCode = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        // A refused command line echoes what it refuses: that path is redacted too.
        using var refusedOutput = new StringWriter();
        using var refusedError = new StringWriter();
        var refused = await CliApp.RunAsync(
            ["http", "--url", $"ftp://127.0.0.1/?client_secret={querySecret}", "--header", "Authorization: Bearer " + opaque, "--rate", "1", "--duration", "1s"],
            refusedOutput, refusedError, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(ExitCodes.BadInput, refused);
        var files = Directory.GetFiles(_reportDir, "*", SearchOption.AllDirectories);
        Assert.Equal(2, files.Length);
        var texts = new Dictionary<string, string>
        {
            ["stdout"] = output.ToString(),
            ["stderr"] = error.ToString(),
            ["refused stdout"] = refusedOutput.ToString(),
            ["refused stderr"] = refusedError.ToString(),
        };
        foreach (var file in files)
        {
            texts[file] = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        }

        foreach (var (where, text) in texts)
        {
            foreach (var secret in new[] { jwt, jwt[..20], jwt.Split('.')[2], opaque, querySecret, apiKey })
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} carries a secret:\n{text}");
            }
        }

        var markdown = texts[files.Single(f => f.EndsWith(".md", StringComparison.Ordinal))];
        Assert.Contains("Authorization: [redacted]", markdown, StringComparison.Ordinal);
        Assert.Contains("X-Api-Key: [redacted]", markdown, StringComparison.Ordinal);
        Assert.Contains("access_token=[redacted]", markdown, StringComparison.Ordinal);
        Assert.Contains("X-Load-Test: yes", markdown, StringComparison.Ordinal);
        Assert.Contains("[redacted]", texts[files.Single(f => f.EndsWith(".html", StringComparison.Ordinal))], StringComparison.Ordinal);
        Assert.Contains("client_secret=[redacted]", texts["refused stderr"], StringComparison.Ordinal);
    }
}
