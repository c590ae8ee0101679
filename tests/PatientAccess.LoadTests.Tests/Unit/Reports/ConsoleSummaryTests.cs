using PatientAccess.LoadTests.Reports;

namespace PatientAccess.LoadTests.Tests.Unit.Reports;

public class ConsoleSummaryTests
{
    [Fact]
    public void Render_Run_ShortSummaryWithRatesPercentilesAndFailures()
    {
        var lines = ConsoleSummary.Render(SampleReport.Create()).TrimEnd().Split(Environment.NewLine);

        Assert.Equal("http-get: open: constant 20/s for 00:00:20", lines[0]);
        Assert.StartsWith("  offered 20.0/s, started 20.0/s, dropped 0, abandoned 0, peak in flight 7", lines[1], StringComparison.Ordinal);
        Assert.Contains("p99 ms", lines[2], StringComparison.Ordinal);
        Assert.Matches(@"^  GET\s+400\s+390\s+10\s+19\.9\s+3\.00\s+8\.00\s+12\.50\s+52\.75$", lines[3]);
        Assert.Equal("  failures: GET 503 × 7, GET timeout × 3", lines[^1]);
        Assert.InRange(lines.Length, 5, 8);
    }
}
