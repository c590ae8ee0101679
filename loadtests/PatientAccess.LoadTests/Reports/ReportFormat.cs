using System.Globalization;

namespace PatientAccess.LoadTests.Reports;

/// <summary>Number formatting shared by the report formats, invariant so reports diff cleanly across machines.</summary>
internal static class ReportFormat
{
    public static string Ms(double milliseconds) => milliseconds.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    public static string Bytes(long bytes) =>
        bytes switch
        {
            < 1024 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
            < 1024 * 1024 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB",
            < 1024L * 1024 * 1024 => (bytes / (1024.0 * 1024)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB",
            _ => (bytes / (1024.0 * 1024 * 1024)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB",
        };

    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>A table cell for a rate that the closed model does not have.</summary>
    public static string Offered(double? rate) => rate is { } r ? Rate(r) : "n/a";

    /// <summary>"offered 200.0/s", or why there is no offered rate.</summary>
    public static string OfferedText(double? rate) => rate is { } r ? $"offered {Rate(r)}/s" : "no offered rate (closed model)";

    /// <summary>"200 × 40, timeout × 2": an outcome table in one cell.</summary>
    public static string Outcomes(IReadOnlyDictionary<string, long> outcomes) =>
        outcomes.Count == 0 ? "-" : string.Join(", ", outcomes.Select(o => $"{o.Key} × {Count(o.Value)}"));
}
