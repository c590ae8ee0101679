using System.Globalization;

namespace PatientAccess.LoadTests.Load;

/// <summary>
/// Open model whose arrival rate changes linearly from <see cref="FromRate"/> to <see cref="ToRate"/>
/// over the phase, so the number of arrivals is the area under that line: (from + to) / 2 × duration.
/// </summary>
internal sealed record RampRatePhase : OpenLoadPhase
{
    public RampRatePhase(double fromRate, double toRate, TimeSpan duration)
        : base(duration)
    {
        ValidateRate(fromRate, nameof(fromRate), allowZero: true);
        ValidateRate(toRate, nameof(toRate), allowZero: true);
        if (fromRate == 0 && toRate == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(toRate), toRate, "A ramp from 0/s to 0/s offers no load.");
        }

        FromRate = fromRate;
        ToRate = toRate;
    }

    public double FromRate { get; }

    public double ToRate { get; }

    // Rate r(t) = FromRate + 2·Slope·t, so its integral is N(t) = FromRate·t + Slope·t².
    private double Slope => (ToRate - FromRate) / (2 * Duration.TotalSeconds);

    public override double CumulativeArrivals(TimeSpan elapsed)
    {
        var t = elapsed.TotalSeconds;
        return (FromRate * t) + (Slope * t * t);
    }

    public override TimeSpan ArrivalTime(long index)
    {
        if (index <= 0)
        {
            return TimeSpan.Zero;
        }

        // Solving Slope·t² + FromRate·t − index = 0 in the form 2c / (b + √(b² + 4ac)), which stays
        // accurate when Slope is tiny or negative (a ramp down) where the textbook form cancels badly.
        var discriminant = (FromRate * FromRate) + (4 * Slope * index);
        var seconds = 2.0 * index / (FromRate + Math.Sqrt(Math.Max(0, discriminant)));
        return TimeSpan.FromSeconds(Math.Min(seconds, Duration.TotalSeconds));
    }

    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"open: ramp {FromRate:0.###}/s → {ToRate:0.###}/s over {Duration}");
}
