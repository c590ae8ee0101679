using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Tests.Unit.Load;

public class RampRatePhaseTests
{
    [Theory]
    [InlineData(10, 110, 2, 120)]
    [InlineData(100, 0, 2, 100)]
    [InlineData(0, 200, 2, 200)]
    [InlineData(50, 50, 3, 150)]
    [InlineData(1, 1000, 10, 5005)]
    public void ArrivalCount_Ramp_EqualsIntegralOfRate(double from, double to, int seconds, long expected)
    {
        var phase = new RampRatePhase(from, to, TimeSpan.FromSeconds(seconds));

        var times = phase.ArrivalTimes().ToList();

        Assert.Equal(expected, phase.ArrivalCount);
        Assert.Equal(expected, times.Count);
        Assert.Equal(TimeSpan.Zero, times[0]);
        Assert.True(times.Zip(times.Skip(1)).All(pair => pair.First <= pair.Second), "arrival times go backwards");
        Assert.True(times[^1] < TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void ArrivalTimes_RampUp_ArrivalsInEachWindowMatchTheIntegral()
    {
        // Rate 0 → 200/s over 2 s: N(t) = 50 t², so 50 arrivals fall in the first second and 150 in the second.
        var phase = new RampRatePhase(0, 200, TimeSpan.FromSeconds(2));

        var times = phase.ArrivalTimes().ToList();

        Assert.Equal(50, times.Count(t => t < TimeSpan.FromSeconds(1)));
        Assert.Equal(150, times.Count(t => t >= TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void ArrivalTime_EqualRates_SameAsConstantRate()
    {
        var ramp = new RampRatePhase(40, 40, TimeSpan.FromSeconds(5));
        var constant = new ConstantRatePhase(40, TimeSpan.FromSeconds(5));

        for (var i = 0; i < constant.ArrivalCount; i++)
        {
            Assert.Equal(constant.ArrivalTime(i).TotalMilliseconds, ramp.ArrivalTime(i).TotalMilliseconds, 6);
        }
    }

    [Fact]
    public void ArrivalTime_EveryIndex_WhereCumulativeArrivalsReachesIt()
    {
        var phase = new RampRatePhase(30, 90, TimeSpan.FromSeconds(4));

        for (var i = 0; i < phase.ArrivalCount; i++)
        {
            Assert.Equal(i, phase.CumulativeArrivals(phase.ArrivalTime(i)), 3);
        }
    }

    [Fact]
    public void Constructor_BothRatesZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RampRatePhase(0, 0, TimeSpan.FromSeconds(1)));
    }
}
