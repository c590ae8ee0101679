using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Tests.Unit.Load;

public class ConstantRatePhaseTests
{
    [Fact]
    public void ArrivalTimes_Rate100For2Seconds_200Arrivals10MsApart()
    {
        var phase = new ConstantRatePhase(100, TimeSpan.FromSeconds(2));

        var times = phase.ArrivalTimes().ToList();

        Assert.Equal(200, times.Count);
        Assert.Equal(200, phase.ArrivalCount);
        Assert.Equal(TimeSpan.Zero, times[0]);
        for (var i = 1; i < times.Count; i++)
        {
            Assert.Equal(10.0, (times[i] - times[i - 1]).TotalMilliseconds, 3);
        }

        Assert.Equal(1990.0, times[^1].TotalMilliseconds, 3);
        Assert.Equal(100.0, phase.OfferedRate, 6);
    }

    [Fact]
    public void ArrivalTimes_AbsoluteNotAccumulated_NoDriftOverLongRuns()
    {
        // Adding 1/3 s a million times would drift; computing index / rate does not.
        var phase = new ConstantRatePhase(3, TimeSpan.FromHours(24));

        Assert.Equal(TimeSpan.FromSeconds(86_399), phase.ArrivalTime(259_197));
    }

    [Fact]
    public void ArrivalCount_FractionalArrivals_RoundsDown()
    {
        Assert.Equal(2, new ConstantRatePhase(2.5, TimeSpan.FromSeconds(1)).ArrivalCount);
        Assert.Equal(5, new ConstantRatePhase(2.5, TimeSpan.FromSeconds(2)).ArrivalCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(1_000_000)]
    public void Constructor_BadRate_Throws(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantRatePhase(rate, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Constructor_ZeroDuration_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConstantRatePhase(10, TimeSpan.Zero));
    }
}
