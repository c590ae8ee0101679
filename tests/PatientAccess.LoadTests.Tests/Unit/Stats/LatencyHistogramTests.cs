using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Tests.Unit.Stats;

public class LatencyHistogramTests
{
    private static readonly double[] Percentiles = [1, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99, 100];

    [Fact]
    public void ValueAtPercentile_UniformValues_WithinOnePercentOfExact()
    {
        var values = Enumerable.Range(1, 100_000).Select(v => (long)v).ToArray();

        AssertPercentilesMatch(values);
    }

    [Fact]
    public void ValueAtPercentile_LongTailedLatencies_WithinOnePercentOfExact()
    {
        // Log-normal-ish latencies from 50 µs to tens of seconds, the shape real systems produce.
        var random = new Random(20261122);
        var values = Enumerable.Range(0, 50_000)
            .Select(_ => (long)Math.Round(50 + Math.Exp(7 + (2.5 * Gaussian(random)))))
            .ToArray();

        AssertPercentilesMatch(values);
    }

    [Fact]
    public void ValueAtPercentile_ValuesBelow512_Exact()
    {
        var histogram = new LatencyHistogram();
        long[] values = [3, 7, 7, 100, 250, 511];
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        Assert.Equal(3, histogram.ValueAtPercentile(0));
        Assert.Equal(7, histogram.ValueAtPercentile(50));
        Assert.Equal(100, histogram.ValueAtPercentile(60));
        Assert.Equal(511, histogram.ValueAtPercentile(100));
    }

    [Fact]
    public void Record_Values_MinMaxMeanExact()
    {
        var histogram = new LatencyHistogram();
        foreach (var value in new long[] { 1_000, 2_000, 123_457 })
        {
            histogram.Record(value);
        }

        Assert.Equal(3, histogram.TotalCount);
        Assert.Equal(1_000, histogram.Min);
        Assert.Equal(123_457, histogram.Max);
        Assert.Equal(126_457 / 3.0, histogram.Mean, 6);
    }

    [Fact]
    public void Record_ValueAboveHighestTrackable_ClampedNotLost()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(long.MaxValue);
        histogram.Record(-5);

        Assert.Equal(2, histogram.TotalCount);
        Assert.Equal(LatencyHistogram.HighestTrackableValue, histogram.Max);
        Assert.Equal(0, histogram.Min);
    }

    [Fact]
    public void ValueAtPercentile_Empty_ReturnsZero()
    {
        Assert.Equal(0, new LatencyHistogram().ValueAtPercentile(99));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    public void ValueAtPercentile_OutOfRange_Throws(double percentile)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LatencyHistogram().ValueAtPercentile(percentile));
    }

    [Fact]
    public void ValueAtPercentile_LargeValues_WithinHdrHistogramPrecision()
    {
        var histogram = new LatencyHistogram();
        for (long v = 1; v <= 20_000; v++)
        {
            histogram.Record(v * 37);
        }

        foreach (var p in Percentiles)
        {
            var exact = 37 * (long)Math.Clamp(Math.Round(p / 100 * 20_000, MidpointRounding.AwayFromZero), 1, 20_000);
            var estimate = histogram.ValueAtPercentile(p);

            Assert.True(Math.Abs(estimate - exact) <= exact / 1000.0, $"p{p}: histogram says {estimate}, exact is {exact}");
        }
    }

    private static void AssertPercentilesMatch(long[] values)
    {
        var histogram = new LatencyHistogram();
        foreach (var value in values)
        {
            histogram.Record(value);
        }

        var sorted = values.Order().ToArray();
        foreach (var p in Percentiles)
        {
            var exact = ExactPercentile(sorted, p);
            var estimate = histogram.ValueAtPercentile(p);

            Assert.True(
                Math.Abs(estimate - exact) <= exact * 0.01,
                $"p{p}: histogram says {estimate}, exact is {exact}");
        }

        Assert.Equal(sorted[0], histogram.Min);
        Assert.Equal(sorted[^1], histogram.Max);
        Assert.Equal(values.Average(), histogram.Mean, 3);
    }

    // Nearest rank: the smallest value with at least p% of the values at or below it.
    private static long ExactPercentile(long[] sorted, double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    private static double Gaussian(Random random)
    {
        // Box-Muller; 1 - NextDouble keeps the logarithm away from zero.
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
