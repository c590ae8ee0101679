namespace PatientAccess.LoadTests.Stats;

/// <summary>Latency distribution of one step or scenario, in milliseconds.</summary>
internal sealed record LatencySummary(
    double Min,
    double Mean,
    double P50,
    double P75,
    double P90,
    double P95,
    double P99,
    double P999,
    double Max)
{
    public static LatencySummary Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Summarises a histogram whose values are microseconds.</summary>
    public static LatencySummary FromMicroseconds(LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        if (histogram.TotalCount == 0)
        {
            return Empty;
        }

        static double Ms(long micros) => micros / 1000.0;
        return new LatencySummary(
            Ms(histogram.Min),
            histogram.Mean / 1000.0,
            Ms(histogram.ValueAtPercentile(50)),
            Ms(histogram.ValueAtPercentile(75)),
            Ms(histogram.ValueAtPercentile(90)),
            Ms(histogram.ValueAtPercentile(95)),
            Ms(histogram.ValueAtPercentile(99)),
            Ms(histogram.ValueAtPercentile(99.9)),
            Ms(histogram.Max));
    }
}
