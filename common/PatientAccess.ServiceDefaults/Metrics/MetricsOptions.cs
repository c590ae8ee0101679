namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>What <c>/metrics</c> exposes. Section <c>Metrics</c>.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Meter names (exact, or a prefix ending in <c>*</c>) to expose. Empty: every meter,
    /// which includes ASP.NET Core, Kestrel, the .NET runtime and the services' own.
    /// </summary>
    public IList<string> Meters { get; } = [];

    /// <summary>
    /// Histogram bucket upper bounds by instrument name (for example
    /// <c>http.server.request.duration</c>). Without an entry, the instrument's own advice
    /// is used, and failing that <see cref="DefaultBuckets"/>.
    /// </summary>
    public IDictionary<string, double[]> HistogramBuckets { get; } = new Dictionary<string, double[]>(StringComparer.Ordinal);

    /// <summary>Prometheus' classic defaults, in seconds.</summary>
    public IList<double> DefaultBuckets { get; } = [];

    internal static readonly double[] PrometheusDefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
}
