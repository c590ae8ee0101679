namespace PatientAccess.LoadTests.Load;

/// <summary>
/// An open-model phase: instances arrive at times fixed in advance by the rate function, whether or
/// not earlier instances have finished. That is how independent users behave, and it keeps a slow
/// system from quietly lowering the load it is offered (coordinated omission).
/// </summary>
internal abstract record OpenLoadPhase : LoadPhase
{
    /// <summary>Highest rate accepted; far above what two cores can generate, so only a typo hits it.</summary>
    public const double MaxRate = 100_000;

    protected OpenLoadPhase(TimeSpan duration)
        : base(duration)
    {
    }

    /// <summary>How many arrivals the phase schedules: the integral of the rate over the phase, rounded down.</summary>
    public long ArrivalCount => (long)Math.Floor(CumulativeArrivals(Duration) + 1e-9);

    public double OfferedRate => ArrivalCount / Duration.TotalSeconds;

    /// <summary>Integral of the rate from the phase start to <paramref name="elapsed"/>.</summary>
    public abstract double CumulativeArrivals(TimeSpan elapsed);

    /// <summary>Offset from the phase start of the 0-based <paramref name="index"/>th arrival: where the integral reaches index.</summary>
    public abstract TimeSpan ArrivalTime(long index);

    /// <summary>All arrival offsets in order, computed lazily so long runs need no big arrays.</summary>
    public IEnumerable<TimeSpan> ArrivalTimes()
    {
        var count = ArrivalCount;
        for (long i = 0; i < count; i++)
        {
            yield return ArrivalTime(i);
        }
    }

    protected static void ValidateRate(double rate, string paramName, bool allowZero)
    {
        if (double.IsNaN(rate) || rate < 0 || (!allowZero && rate == 0) || rate > MaxRate)
        {
            throw new ArgumentOutOfRangeException(paramName, rate, $"A rate is greater than zero and at most {MaxRate}/s.");
        }
    }
}
