using System.Diagnostics.Metrics;
using System.Text;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>
/// OpenTelemetry-to-Prometheus naming: dots become underscores, the UCUM unit becomes a
/// word suffix (<c>s</c> -> <c>_seconds</c>, <c>By</c> -> <c>_bytes</c>), annotations in
/// braces are dropped, and counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNaming
{
    private static readonly Dictionary<string, string> UnitWords = new(StringComparer.Ordinal)
    {
        ["d"] = "days",
        ["h"] = "hours",
        ["min"] = "minutes",
        ["s"] = "seconds",
        ["ms"] = "milliseconds",
        ["us"] = "microseconds",
        ["ns"] = "nanoseconds",
        ["By"] = "bytes",
        ["KiBy"] = "kibibytes",
        ["MiBy"] = "mebibytes",
        ["GiBy"] = "gibibytes",
        ["KBy"] = "kilobytes",
        ["MBy"] = "megabytes",
        ["GBy"] = "gigabytes",
        ["bit"] = "bits",
        ["m"] = "meters",
        ["V"] = "volts",
        ["A"] = "amperes",
        ["J"] = "joules",
        ["W"] = "watts",
        ["g"] = "grams",
        ["Cel"] = "celsius",
        ["Hz"] = "hertz",
        ["%"] = "percent",
    };

    private static readonly Dictionary<string, string> PerUnitWords = new(StringComparer.Ordinal)
    {
        ["d"] = "day",
        ["h"] = "hour",
        ["min"] = "minute",
        ["s"] = "second",
        ["m"] = "meter",
    };

    private static readonly string[] ReservedSuffixes = ["_count", "_sum", "_bucket", "_total"];

    public static MetricKind KindOf(Instrument instrument)
    {
        var type = instrument.GetType();
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        if (definition == typeof(Histogram<>))
        {
            return MetricKind.Histogram;
        }

        return definition == typeof(Counter<>) || definition == typeof(ObservableCounter<>)
            ? MetricKind.Counter
            : MetricKind.Gauge;
    }

    public static string MetricName(string instrumentName, string? unit, MetricKind kind)
    {
        var name = Sanitize(instrumentName, allowColon: true);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name = $"{name}_{suffix}";
        }

        if (kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }
        else if (kind == MetricKind.Gauge && ReservedSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            // _count, _sum and _bucket belong to histograms; a gauge such as dotnet.timer.count
            // keeps its recognisable prefix and becomes dotnet_timer_count_value.
            name += "_value";
        }

        return name;
    }

    public static string LabelName(string tagName)
    {
        var name = Sanitize(tagName, allowColon: false);
        // Names starting with "__" are reserved for Prometheus' own use.
        return name.StartsWith("__", StringComparison.Ordinal) ? "_" + name.TrimStart('_') : name;
    }

    internal static string UnitSuffix(string? unit)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return string.Empty;
        }

        var withoutAnnotations = StripAnnotations(unit).Trim();
        if (withoutAnnotations.Length == 0 || withoutAnnotations == "1")
        {
            return string.Empty;
        }

        var parts = withoutAnnotations.Split('/', 2);
        var word = UnitWord(parts[0]);
        if (parts.Length == 2)
        {
            var per = PerUnitWord(parts[1]);
            word = word.Length == 0 ? $"per_{per}" : $"{word}_per_{per}";
        }

        return Sanitize(word, allowColon: false).Trim('_');
    }

    private static string UnitWord(string unit) =>
        unit is "" or "1" ? string.Empty : UnitWords.GetValueOrDefault(unit, unit);

    // "By/s" reads "bytes_per_second": the unit after the slash is singular.
    private static string PerUnitWord(string unit) =>
        PerUnitWords.GetValueOrDefault(unit) ?? UnitWord(unit);

    private static string StripAnnotations(string unit)
    {
        var builder = new StringBuilder(unit.Length);
        var depth = 0;
        foreach (var c in unit)
        {
            if (c == '{')
            {
                depth++;
            }
            else if (c == '}' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Sanitize(string raw, bool allowColon)
    {
        var builder = new StringBuilder(raw.Length + 1);
        foreach (var c in raw)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c == '_' || (allowColon && c == ':');
            var next = ok ? c : '_';
            // Collapse runs of separators so "a..b" and "a._b" both read "a_b".
            if (next == '_' && builder.Length > 0 && builder[^1] == '_')
            {
                continue;
            }

            builder.Append(next);
        }

        if (builder.Length == 0 || char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
