using System.Globalization;
using System.Text;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>
/// Renders metric families in the Prometheus text exposition format, version 0.0.4:
/// HELP and TYPE lines, escaped label values, cumulative <c>_bucket</c> series with an
/// <c>le="+Inf"</c> bucket, <c>_sum</c> and <c>_count</c>.
/// </summary>
internal static class PrometheusTextWriter
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static void Write(StringBuilder output, IEnumerable<MetricFamily> families)
    {
        foreach (var family in families.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            var series = family.Series
                .Select(s => (Labels: RenderLabels(s.Key), Cell: s.Value))
                .OrderBy(s => SortKey(s.Labels), StringComparer.Ordinal)
                .ToList();
            if (series.Count == 0)
            {
                continue;
            }

            output.Append("# HELP ").Append(family.Name).Append(' ').Append(EscapeHelp(family.Help)).Append('\n');
            output.Append("# TYPE ").Append(family.Name).Append(' ').Append(TypeWord(family.Kind)).Append('\n');
            foreach (var (labels, cell) in series)
            {
                if (cell is HistogramCell histogram)
                {
                    WriteHistogram(output, family.Name, labels, histogram);
                }
                else
                {
                    WriteSample(output, family.Name, labels, ((ValueCell)cell).Value);
                }
            }
        }
    }

    private static void WriteHistogram(StringBuilder output, string name, List<(string Name, string Value)> labels, HistogramCell histogram)
    {
        var counts = histogram.SnapshotCounts();
        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            var le = i < histogram.Bounds.Count ? FormatNumber(histogram.Bounds[i]) : "+Inf";
            WriteSample(output, name + "_bucket", [.. labels, ("le", le)], cumulative);
        }

        WriteSample(output, name + "_sum", labels, histogram.Sum);
        WriteSample(output, name + "_count", labels, cumulative);
    }

    private static void WriteSample(StringBuilder output, string name, List<(string Name, string Value)> labels, double value)
    {
        output.Append(name);
        if (labels.Count > 0)
        {
            output.Append('{');
            for (var i = 0; i < labels.Count; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                output.Append(labels[i].Name).Append("=\"");
                AppendEscapedLabelValue(output, labels[i].Value);
                output.Append('"');
            }

            output.Append('}');
        }

        output.Append(' ').Append(FormatNumber(value)).Append('\n');
    }

    private static List<(string Name, string Value)> RenderLabels(SeriesKey key)
    {
        var labels = new List<(string Name, string Value)>(key.Tags.Length);
        foreach (var tag in key.Tags)
        {
            var name = PrometheusNaming.LabelName(tag.Key);
            // Two tags that sanitize to one label name would make the line unparsable: keep the first.
            if (name != "le" && !labels.Exists(l => l.Name == name))
            {
                labels.Add((name, FormatTagValue(tag.Value)));
            }
        }

        labels.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return labels;
    }

    // A stable order makes consecutive scrapes diffable.
    private static string SortKey(List<(string Name, string Value)> labels) =>
        string.Join('\u0001', labels.Select(l => $"{l.Name}\u0002{l.Value}"));

    private static string FormatTagValue(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    internal static string FormatNumber(double value)
    {
        if (double.IsPositiveInfinity(value))
        {
            return "+Inf";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "-Inf";
        }

        if (double.IsNaN(value))
        {
            return "NaN";
        }

        return value == Math.Floor(value) && Math.Abs(value) < 1e15
            ? ((long)value).ToString(CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void AppendEscapedLabelValue(StringBuilder output, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': output.Append(@"\\"); break;
                case '"': output.Append("\\\""); break;
                case '\n': output.Append(@"\n"); break;
                default: output.Append(c); break;
            }
        }
    }

    private static string EscapeHelp(string help) =>
        help.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    private static string TypeWord(MetricKind kind) => kind switch
    {
        MetricKind.Counter => "counter",
        MetricKind.Histogram => "histogram",
        _ => "gauge",
    };
}
