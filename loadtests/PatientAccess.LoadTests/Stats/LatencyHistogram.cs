using HdrHistogram;

namespace PatientAccess.LoadTests.Stats;

/// <summary>
/// Latency values (non-negative integers in the caller's unit; the collectors use microseconds)
/// recorded in HdrHistogram's <see cref="LongHistogram"/> at 3 significant digits: every
/// percentile is within 0.1% of the exact value while memory stays fixed however many values
/// are recorded. This class adds what the report needs beside it: the exact minimum, maximum
/// and mean (HdrHistogram's are bucket edges), and clamping of values outside the trackable
/// range (HdrHistogram throws on them). Not thread-safe: callers serialise access.
/// </summary>
internal sealed class LatencyHistogram
{
    public const int SignificantDigits = 3;

    private readonly LongHistogram _histogram = new(HighestTrackableValue, SignificantDigits);
    private double _sum;

    /// <summary>2^40 µs is about 12.7 days; anything slower is clamped, which no timeout lets happen anyway.</summary>
    public static long HighestTrackableValue => (1L << 40) - 1;

    public long TotalCount => _histogram.TotalCount;

    public long Min { get; private set; } = long.MaxValue;

    public long Max { get; private set; }

    public double Mean => TotalCount == 0 ? 0 : _sum / TotalCount;

    public void Record(long value)
    {
        value = Math.Clamp(value, 0, HighestTrackableValue);
        _histogram.RecordValue(value);
        _sum += value;
        Min = Math.Min(Min, value);
        Max = Math.Max(Max, value);
    }

    /// <summary>
    /// The value at the given percentile (0-100): the highest value equivalent to the recorded
    /// value at that rank (HdrHistogram rounds the rank p/100 × count to the nearest integer),
    /// kept within the exact minimum and maximum.
    /// </summary>
    public long ValueAtPercentile(double percentile)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percentile);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percentile, 100);
        return TotalCount == 0 ? 0 : Math.Clamp(_histogram.GetValueAtPercentile(percentile), Min, Max);
    }
}
