using System.Numerics;

namespace PatientAccess.LoadTests.Stats;

/// <summary>
/// A log-linear histogram in the style of HdrHistogram: every power-of-two range of values is split
/// into 2^<see cref="SubBucketBits"/> equal buckets, so a bucket is never wider than 1/256 of the
/// values it holds. Reporting a bucket's midpoint keeps every percentile within 0.2% of the exact
/// value while memory stays fixed (a few thousand counters) however many values are recorded.
/// Values are non-negative integers in whatever unit the caller picks; the collectors use microseconds.
/// Not thread-safe: callers serialise access.
/// </summary>
internal sealed class LatencyHistogram
{
    public const int SubBucketBits = 8;

    // 2^40 µs is about 12.7 days; anything slower is clamped, which no timeout lets happen anyway.
    private const int HighestBit = 40;
    private const int SubBucketCount = 1 << SubBucketBits;

    private readonly long[] _counts = new long[(HighestBit - SubBucketBits + 1) * SubBucketCount];
    private double _sum;

    public static long HighestTrackableValue => (1L << HighestBit) - 1;

    public long TotalCount { get; private set; }

    public long Min { get; private set; } = long.MaxValue;

    public long Max { get; private set; }

    public double Mean => TotalCount == 0 ? 0 : _sum / TotalCount;

    public void Record(long value)
    {
        value = Math.Clamp(value, 0, HighestTrackableValue);
        _counts[IndexOf(value)]++;
        TotalCount++;
        _sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.TotalCount == 0)
        {
            return;
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        TotalCount += other.TotalCount;
        _sum += other._sum;
        Min = Math.Min(Min, other.Min);
        Max = Math.Max(Max, other.Max);
    }

    /// <summary>
    /// The value at the given percentile (0-100) by the nearest-rank definition: the smallest
    /// recorded value with at least that share of values at or below it, to bucket precision.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        if (TotalCount == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(percentile / 100.0 * TotalCount);
        rank = Math.Clamp(rank, 1, TotalCount);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                var (low, width) = BucketOf(i);
                // The exact extremes are known, so never report a value outside them.
                return Math.Clamp(low + (width / 2), Min, Max);
            }
        }

        return Max;
    }

    internal static int IndexOf(long value)
    {
        if (value < 2 * SubBucketCount)
        {
            return (int)value;
        }

        var shift = BitOperations.Log2((ulong)value) - SubBucketBits;
        return (shift * SubBucketCount) + (int)(value >> shift);
    }

    internal static (long Low, long Width) BucketOf(int index)
    {
        if (index < 2 * SubBucketCount)
        {
            return (index, 1);
        }

        var shift = (index >> SubBucketBits) - 1;
        var subBucket = index - (shift * SubBucketCount);
        return ((long)subBucket << shift, 1L << shift);
    }
}
