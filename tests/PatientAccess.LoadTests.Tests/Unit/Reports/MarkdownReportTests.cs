using PatientAccess.LoadTests.Reports;

namespace PatientAccess.LoadTests.Tests.Unit.Reports;

public class MarkdownReportTests
{
    [Fact]
    public void Render_Run_HeaderHasCommandStartMachineAndProfile()
    {
        var markdown = MarkdownReport.Render(SampleReport.Create());

        Assert.StartsWith("# Load test: http-get", markdown, StringComparison.Ordinal);
        Assert.Contains("| Started | 2026-11-22 10:30:00 +00:00 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Machine | build-box, 2 cores |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Load profile | open: constant 20/s for 00:00:20 |", markdown, StringComparison.Ordinal);
        Assert.Contains("--rate 20 --duration 20s", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Run_StepTableHasEveryPercentile()
    {
        var markdown = MarkdownReport.Render(SampleReport.Create());

        Assert.Contains(
            "| step | count | ok | failed | req/s | min ms | mean ms | p50 ms | p75 ms | p90 ms | p95 ms | p99 ms | p99.9 ms | max ms | bytes |",
            markdown,
            StringComparison.Ordinal);
        Assert.Contains("| GET | 400 | 390 | 10 | 19.9 | 1.25 | 4.50 | 3.00 | 4.00 | 6.00 | 8.00 | 12.50 | 40.00 | 52.75 | 120.6 KiB |", markdown, StringComparison.Ordinal);
        Assert.Contains("| scenario http-get | 400 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| GET | 200 × 390 | 503 × 7, timeout × 3 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PipeInValue_EscapedSoTheTableHolds()
    {
        var markdown = MarkdownReport.Render(SampleReport.Create());

        Assert.Contains("x=\\|", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("x=| ", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ClosedModel_NoOfferedRate()
    {
        var markdown = MarkdownReport.Render(SampleReport.Create(openModel: false));

        Assert.Contains("| closed: keep 4 concurrent for 00:00:20 | 20.00 s | n/a |", markdown, StringComparison.Ordinal);
        Assert.Contains("No offered rate (closed model)", markdown, StringComparison.Ordinal);
    }
}
