using System.Globalization;
using System.Net;
using System.Text;
using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Reports;

/// <summary>
/// The report as one self-contained HTML file: inline CSS and an inline SVG chart, no scripts and no
/// external assets, so it opens offline and can be attached to a ticket as is.
/// </summary>
internal static class HtmlReport
{
    private const string Style = """
        body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2733; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border: 1px solid #d4dae1; padding: .25rem .6rem; text-align: right; white-space: nowrap; }
        th { background: #eef2f6; } td:first-child, th:first-child { text-align: left; }
        table.kv td { text-align: left; white-space: normal; }
        p.note { color: #4a5867; max-width: 60rem; }
        svg text { font-size: 11px; fill: #4a5867; }
        .ok { fill: #3b8f5a; } .failed { fill: #c8453b; }
        """;

    private const int ChartWidth = 900;
    private const int ChartHeight = 220;
    private const int ChartLeft = 50;
    private const int ChartBottom = 20;

    public static string Render(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var title = "Load test: " + report.Result.ScenarioName;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>")
            .AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(Encode(title)).AppendLine("</title>")
            .Append("<style>").Append(Style).AppendLine("</style></head><body>")
            .Append("<h1>").Append(Encode(title)).AppendLine("</h1>");
        foreach (var table in ReportSections.Build(report))
        {
            html.Append("<h2>").Append(Encode(table.Title)).AppendLine("</h2>");
            if (table.Title == "Timeline")
            {
                AppendChart(html, report.Result.Timeline);
            }

            AppendTable(html, table);
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendTable(StringBuilder html, ReportTable table)
    {
        var isKeyValue = table.Headers.All(string.IsNullOrEmpty);
        html.Append(isKeyValue ? "<table class=\"kv\">" : "<table>");
        if (!isKeyValue)
        {
            html.Append("<thead><tr>");
            foreach (var header in table.Headers)
            {
                html.Append("<th>").Append(Encode(header)).Append("</th>");
            }

            html.Append("</tr></thead>");
        }

        html.AppendLine("<tbody>");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var tag = isKeyValue && i == 0 ? "th" : "td";
                html.Append('<').Append(tag).Append('>').Append(Encode(row[i])).Append("</").Append(tag).Append('>');
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
        if (table.Note is { } note)
        {
            html.Append("<p class=\"note\">").Append(Encode(note)).AppendLine("</p>");
        }
    }

    /// <summary>Stacked bars of ok and failed requests per second.</summary>
    private static void AppendChart(StringBuilder html, IReadOnlyList<TimelinePoint> points)
    {
        if (points.Count == 0)
        {
            return;
        }

        var peak = Math.Max(1, points.Max(p => p.Ok + p.Failed));
        var plotWidth = ChartWidth - ChartLeft;
        var plotHeight = ChartHeight - ChartBottom;
        var barWidth = plotWidth / (double)points.Count;
        string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        html.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" role=\"img\" aria-label=\"requests completed per second\">");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"12\">{peak}/s</text><text x=\"0\" y=\"{plotHeight}\">0</text>");
        html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{ChartLeft}\" y1=\"{plotHeight}\" x2=\"{ChartWidth}\" y2=\"{plotHeight}\" stroke=\"#8894a0\"/>");
        foreach (var point in points)
        {
            var x = ChartLeft + (point.Second * barWidth);
            var okHeight = plotHeight * point.Ok / (double)peak;
            var failedHeight = plotHeight * point.Failed / (double)peak;
            var w = Math.Max(1, barWidth - 1);
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"ok\" x=\"{N(x)}\" y=\"{N(plotHeight - okHeight)}\" width=\"{N(w)}\" height=\"{N(okHeight)}\"><title>second {point.Second}: {point.Ok} ok</title></rect>");
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"failed\" x=\"{N(x)}\" y=\"{N(plotHeight - okHeight - failedHeight)}\" width=\"{N(w)}\" height=\"{N(failedHeight)}\"><title>second {point.Second}: {point.Failed} failed</title></rect>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartLeft}\" y=\"{ChartHeight - 4}\">0 s</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text x=\"{ChartWidth - 40}\" y=\"{ChartHeight - 4}\">{points.Count} s</text>");
        html.AppendLine("</svg>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
