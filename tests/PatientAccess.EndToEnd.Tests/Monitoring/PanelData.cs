using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>Turns Prometheus answers into chart series, naming each by the panel's legend template as Grafana does.</summary>
internal static partial class PanelData
{
    public static IEnumerable<ChartSeries> Series(JsonElement answer, string legend)
    {
        if (answer.GetProperty("status").GetString() != "success")
        {
            yield break;
        }

        var data = answer.GetProperty("data");
        var matrix = data.GetProperty("resultType").GetString() == "matrix";
        foreach (var result in data.GetProperty("result").EnumerateArray())
        {
            var labels = result.GetProperty("metric");
            var points = matrix
                ? result.GetProperty("values").EnumerateArray().Select(Point).ToList()
                : [Point(result.GetProperty("value"))];
            yield return new ChartSeries(Name(labels, legend), [.. points.Where(p => double.IsFinite(p.Value))]);
        }
    }

    private static (double Time, double Value) Point(JsonElement pair) =>
        (pair[0].GetDouble(), double.Parse(pair[1].GetString() ?? "NaN", NumberStyles.Float, CultureInfo.InvariantCulture));

    private static string Name(JsonElement labels, string legend)
    {
        if (legend.Length > 0)
        {
            return LegendLabel().Replace(legend, m => labels.TryGetProperty(m.Groups["label"].Value, out var value) ? value.GetString() ?? string.Empty : string.Empty).Trim();
        }

        var pairs = labels.EnumerateObject().Where(p => p.Name != "__name__").Select(p => $"{p.Name}={p.Value.GetString()}");
        return "{" + string.Join(", ", pairs) + "}";
    }

    [GeneratedRegex(@"\{\{\s*(?<label>\w+)\s*\}\}")]
    private static partial Regex LegendLabel();
}
