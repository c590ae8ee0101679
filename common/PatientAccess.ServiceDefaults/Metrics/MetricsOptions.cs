using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>What <c>/metrics</c> exposes. Section <c>Metrics</c>.</summary>
public sealed class MetricsOptions : IValidatableObject
{
    public const string Section = "Metrics";

    internal static readonly double[] PrometheusDefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>
    /// Meter names (exact, or a prefix ending in <c>*</c>) to expose. Empty: every meter,
    /// which includes ASP.NET Core, Kestrel, the .NET runtime and the services' own.
    /// </summary>
    public IList<string> Meters { get; } = [];

    /// <summary>
    /// Histogram bucket upper bounds by instrument name, as comma-separated numbers in the
    /// instrument's unit, for example <c>Metrics:HistogramBuckets:http.server.request.duration</c>
    /// = <c>0.001,0.005,0.01,0.05</c>. Written as text because the configuration binder
    /// silently drops array elements it cannot convert; here a typo is a startup error.
    /// Without an entry, the instrument's own advice is used, then <see cref="DefaultBuckets"/>.
    /// </summary>
    public IDictionary<string, string> HistogramBuckets { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Bounds for histograms with neither configuration nor advice; empty: Prometheus' classic defaults.</summary>
    public string DefaultBuckets { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (instrument, text) in HistogramBuckets)
        {
            if (!TryParseBuckets(text, out _))
            {
                yield return new ValidationResult(
                    $"'{text}' for '{instrument}' is not a comma-separated list of finite numbers", [nameof(HistogramBuckets)]);
            }
        }

        if (DefaultBuckets.Length > 0 && !TryParseBuckets(DefaultBuckets, out _))
        {
            yield return new ValidationResult($"'{DefaultBuckets}' is not a comma-separated list of finite numbers", [nameof(DefaultBuckets)]);
        }
    }

    /// <summary>Sorted, distinct, finite upper bounds; +Inf is always added by the writer.</summary>
    internal static bool TryParseBuckets(string text, out double[] bounds)
    {
        var values = new List<double>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                bounds = [];
                return false;
            }

            values.Add(value);
        }

        bounds = [.. values.Distinct().Order()];
        return bounds.Length > 0;
    }
}
