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
}
