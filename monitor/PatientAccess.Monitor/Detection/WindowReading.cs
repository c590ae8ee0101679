namespace PatientAccess.Monitor.Detection;

/// <summary>
/// An app's series as one detector keeps them, summed over the window ending at <see cref="End"/>:
/// the per-bucket counts (oldest first) of count series and the union size of distinct series.
/// <see cref="FirstSeen"/>: when the detector first counted the app (baselines), if known.
/// </summary>
internal sealed record WindowReading(
    string ClientId,
    DateTimeOffset End,
    IReadOnlyDictionary<string, long[]> Counts,
    IReadOnlyDictionary<string, long> Distinct,
    DateTimeOffset? FirstSeen)
{
    public long Sum(string metric) => Counts.TryGetValue(metric, out var buckets) ? buckets.Sum() : 0;

    public long DistinctOf(string metric) => Distinct.GetValueOrDefault(metric);
}
