namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>Bucket counts and sum of one histogram series, updated lock-free.</summary>
internal sealed class HistogramCell(double[] bounds)
{
    // One slot per upper bound plus the +Inf slot; counts are per bucket, not cumulative.
    private readonly long[] _counts = new long[bounds.Length + 1];
    private readonly ValueCell _sum = new();

    public IReadOnlyList<double> Bounds => bounds;

    public double Sum => _sum.Value;

    public void Record(double value)
    {
        var index = Array.BinarySearch(bounds, value);
        // Prometheus buckets are "less than or equal": an exact match belongs to that bound.
        Interlocked.Increment(ref _counts[index >= 0 ? index : ~index]);
        _sum.Add(value);
    }

    /// <summary>Per-bucket counts read once, so the cumulative series and _count agree.</summary>
    public long[] SnapshotCounts()
    {
        var copy = new long[_counts.Length];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = Interlocked.Read(ref _counts[i]);
        }

        return copy;
    }
}
