namespace PatientAccess.LoadTests.Load;

/// <summary>
/// One segment of a load profile. Phases run one after another; an open phase offers arrivals on a
/// fixed schedule, a closed phase keeps a number of instances busy.
/// </summary>
internal abstract record LoadPhase
{
    /// <summary>Longest phase accepted: long enough for a soak test, short enough that a typo cannot run for weeks.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(24);

    protected LoadPhase(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || duration > MaxDuration)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, $"A phase lasts more than zero and at most {MaxDuration}.");
        }

        Duration = duration;
    }

    public TimeSpan Duration { get; }

    /// <summary>One line for reports, e.g. "constant 100/s for 00:00:30".</summary>
    public abstract string Describe();
}
