using PatientAccess.LoadTests.Reports;

namespace PatientAccess.LoadTests.Tests.Unit.Reports;

public class HtmlReportTests
{
    [Fact]
    public void Render_Run_SelfContainedWithNoExternalAssets()
    {
        var html = HtmlReport.Render(SampleReport.Create());

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_Run_StepTableAndTimelineChart()
    {
        var html = HtmlReport.Render(SampleReport.Create());

        Assert.Contains("<h2>Steps</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th>p99.9 ms</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>GET</td><td>400</td><td>390</td><td>10</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("second 5: 10 failed", html, StringComparison.Ordinal);
        Assert.Contains("<th>Machine</th><td>build-box, 2 cores</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MarkupInValues_Encoded()
    {
        var html = HtmlReport.Render(SampleReport.Create(scenarioName: "<img onerror=x>"));

        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("name=&lt;b&gt;&amp;x=|", html, StringComparison.Ordinal);
    }
}
