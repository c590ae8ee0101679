using System.Globalization;
using System.Net;
using System.Text;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// A picture of a dashboard's main panels drawn from real Prometheus answers: each panel as an SVG
/// chart (lines over time, or bars for the latest values) on one HTML page in Grafana's dark colours,
/// photographed by Debian's headless Chromium. Grafana itself is not installable here; this shows
/// the same queries' data, not Grafana's rendering.
/// </summary>
internal static class DashboardPicture
{
    private const int Width = 620;
    private const int Height = 250;
    private static readonly string[] Palette = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c", "#5794f2", "#b877d9", "#fade2a", "#c0d8ff", "#ff9830"];

    public static string Html(string title, string subtitle, IReadOnlyList<(DashboardPanel Panel, IReadOnlyList<ChartSeries> Series)> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var page = new StringBuilder();
        page.Append(CultureInfo.InvariantCulture, $"""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>{Encode(title)}</title><style>
            body{"{"}margin:0;padding:16px;background:#111217;color:#ccccdc;font:13px/1.4 Inter,Helvetica,Arial,sans-serif{"}"}
            h1{"{"}font-size:18px;margin:0 0 2px{"}"} p.sub{"{"}margin:0 0 12px;color:#8e8e99{"}"}
            .grid{"{"}display:grid;grid-template-columns:repeat(2,{Width}px);gap:10px{"}"}
            .panel{"{"}background:#181b1f;border:1px solid #2c3235;border-radius:2px;padding:8px{"}"}
            .panel h2{"{"}font-size:13px;margin:0 0 4px;font-weight:500{"}"}
            .legend{"{"}display:flex;flex-wrap:wrap;gap:2px 12px;font-size:11px;margin-top:4px{"}"}
            .legend span::before{"{"}content:"";display:inline-block;width:10px;height:3px;margin-right:4px;vertical-align:middle;background:var(--c){"}"}
            .empty{"{"}color:#8e8e99;font-style:italic{"}"}
            </style></head><body><h1>{Encode(title)}</h1><p class="sub">{Encode(subtitle)}</p><div class="grid">
            """);
        foreach (var (panel, series) in panels)
        {
            page.Append(CultureInfo.InvariantCulture, $"""<div class="panel"><h2>{Encode(panel.Title)}</h2>""");
            var drawn = series.Where(s => s.Points.Count > 0).Take(Palette.Length).ToList();
            if (drawn.Count == 0)
            {
                page.Append("""<p class="empty">No data</p>""");
            }
            else if (panel.Type == "timeseries")
            {
                page.Append(Lines(drawn));
            }
            else
            {
                page.Append(Bars(drawn));
            }

            page.Append("""<div class="legend">""");
            for (var i = 0; i < drawn.Count; i++)
            {
                page.Append(CultureInfo.InvariantCulture, $"""<span style="--c:{Palette[i]}">{Encode(drawn[i].Name)} ({Format(drawn[i].Points[^1].Value)})</span>""");
            }

            page.Append("</div></div>");
        }

        page.Append("</div></body></html>");
        return page.ToString();
    }

    /// <summary>Photographs <paramref name="htmlFile"/> into <paramref name="pngFile"/> with headless Chromium.</summary>
    public static async Task ScreenshotAsync(string htmlFile, string pngFile, int panelCount)
    {
        var chromium = ExternalTool.Require("chromium", "chromium");
        var height = 90 + ((panelCount + 1) / 2 * (Height + 80));
        var (exitCode, output) = await ExternalTool.RunAsync(chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-background-networking",
             "--force-device-scale-factor=1", $"--window-size={(2 * Width) + 60},{height}", $"--screenshot={pngFile}", new Uri(htmlFile).AbsoluteUri],
            timeout: TimeSpan.FromMinutes(2));
        if (exitCode != 0 || !File.Exists(pngFile))
        {
            throw new InvalidOperationException($"chromium could not photograph {htmlFile} (exit {exitCode}):\n{output}");
        }
    }

    private static string Lines(List<ChartSeries> series)
    {
        var all = series.SelectMany(s => s.Points).ToList();
        var (t0, t1) = (all.Min(p => p.Time), all.Max(p => p.Time));
        // An all-zero panel still gets a readable axis (0 to 1).
        var top = all.Max(p => p.Value) is > 0 and var max ? max * 1.1 : 1;
        var (left, bottom, plotWidth, plotHeight) = (52.0, Height - 18.0, Width - 18 - 52.0 - 12, Height - 28.0);
        double X(double t) => left + (t1 > t0 ? (t - t0) / (t1 - t0) * plotWidth : plotWidth / 2);
        double Y(double v) => bottom - (v / top * plotHeight);
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg width="{Width - 18}" height="{Height}" xmlns="http://www.w3.org/2000/svg">""");
        for (var i = 0; i <= 4; i++)
        {
            var value = top * i / 4;
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{left}" x2="{left + plotWidth}" y1="{Y(value):0.0}" y2="{Y(value):0.0}" stroke="#2c3235"/><text x="{left - 4}" y="{Y(value) + 4:0.0}" fill="#8e8e99" font-size="10" text-anchor="end">{Format(value)}</text>""");
        }

        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{left}" y="{Height - 4}" fill="#8e8e99" font-size="10">{DateTimeOffset.FromUnixTimeSeconds((long)t0):HH:mm:ss}</text><text x="{left + plotWidth}" y="{Height - 4}" fill="#8e8e99" font-size="10" text-anchor="end">{DateTimeOffset.FromUnixTimeSeconds((long)t1):HH:mm:ss} UTC</text>""");
        for (var i = 0; i < series.Count; i++)
        {
            var points = string.Join(' ', series[i].Points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.Time):0.0},{Y(p.Value):0.0}")));
            svg.Append(CultureInfo.InvariantCulture, $"""<polyline fill="none" stroke="{Palette[i]}" stroke-width="1.5" points="{points}"/>""");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Bars(List<ChartSeries> series)
    {
        var top = Math.Max(series.Max(s => s.Points[^1].Value), 1e-9);
        var row = Math.Min(28, (Height - 10) / series.Count);
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"""<svg width="{Width - 18}" height="{Height}" xmlns="http://www.w3.org/2000/svg">""");
        for (var i = 0; i < series.Count; i++)
        {
            var value = series[i].Points[^1].Value;
            var length = Math.Max(2, value / top * (Width - 260));
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="{(i * row) + (row / 2) + 4}" fill="#ccccdc" font-size="11">{Encode(Shorten(series[i].Name))}</text><rect x="170" y="{(i * row) + 4}" width="{length:0.0}" height="{row - 8}" fill="{Palette[i]}"/><text x="{176 + length:0.0}" y="{(i * row) + (row / 2) + 4}" fill="#ccccdc" font-size="11">{Format(value)}</text>""");
        }

        return svg.Append("</svg>").ToString();
    }

    private static string Shorten(string name) => name.Length <= 26 ? name : name[..25] + "…";

    private static string Format(double value) => Math.Abs(value) switch
    {
        0 => "0",
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        >= 1 => value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
