using System.Globalization;

namespace PatientAccess.LoadTests.Load;

/// <summary>Open model at a fixed arrival rate: arrivals exactly 1/rate apart, the first at the phase start.</summary>
internal sealed record ConstantRatePhase : OpenLoadPhase
{
    public ConstantRatePhase(double rate, TimeSpan duration)
        : base(duration)
    {
        ValidateRate(rate, nameof(rate), allowZero: false);
        Rate = rate;
    }

    /// <summary>Arrivals per second.</summary>
    public double Rate { get; }

    public override double CumulativeArrivals(TimeSpan elapsed) => Rate * elapsed.TotalSeconds;

    public override TimeSpan ArrivalTime(long index) => TimeSpan.FromSeconds(index / Rate);

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"open: constant {Rate:0.###}/s for {Duration}");
}
