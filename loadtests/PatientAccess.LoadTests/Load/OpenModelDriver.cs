using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Load;

/// <summary>
/// Starts instances at the absolute times an open phase schedules. Each arrival is due at
/// phase start + its offset, never "previous arrival + interval", so when the generator falls
/// behind it catches up instead of silently lowering the offered rate.
/// </summary>
internal static class OpenModelDriver
{
    // Waits end with about a millisecond of slack; arrivals closer than this are started now.
    private static readonly TimeSpan DispatchSlack = TimeSpan.FromMilliseconds(1);

    public static Task<PhaseResult> RunAsync(
        OpenLoadPhase phase,
        TimeSpan phaseStart,
        RunClock clock,
        InFlightTracker inFlight,
        InstanceLauncher launch,
        Action<TimeSpan> recordDispatchLag,
        CancellationToken stopDispatching,
        CancellationToken stopInstances)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(inFlight);
        ArgumentNullException.ThrowIfNull(launch);
        ArgumentNullException.ThrowIfNull(recordDispatchLag);

        // A dedicated thread rather than a thread-pool continuation: under load the pool's queue is
        // full of the very requests we started, and a dispatcher waiting its turn there would start
        // later arrivals late, which is coordinated omission by another route.
        return Task.Factory.StartNew(
            () => Dispatch(phase, phaseStart, clock, inFlight, launch, recordDispatchLag, stopDispatching, stopInstances),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static PhaseResult Dispatch(
        OpenLoadPhase phase,
        TimeSpan phaseStart,
        RunClock clock,
        InFlightTracker inFlight,
        InstanceLauncher launch,
        Action<TimeSpan> recordDispatchLag,
        CancellationToken stopDispatching,
        CancellationToken stopInstances)
    {
        long started = 0;
        long dropped = 0;
        var ran = phase.Duration;
        foreach (var offset in phase.ArrivalTimes())
        {
            var due = phaseStart + offset;
            if (!WaitUntil(clock, due, stopDispatching))
            {
                ran = TimeSpan.FromTicks(Math.Clamp((clock.Elapsed - phaseStart).Ticks, 0, phase.Duration.Ticks));
                break;
            }

            if (!inFlight.TryEnter())
            {
                dropped++;
                continue;
            }

            started++;
            recordDispatchLag(clock.Elapsed - due);
            // Task.Run so a step that does synchronous work before its first await cannot hold up
            // the arrivals behind it.
            _ = Task.Run(
                async () =>
                {
                    try
                    {
                        await launch(due, stopInstances);
                    }
                    finally
                    {
                        inFlight.Exit();
                    }
                },
                CancellationToken.None);
        }

        return new PhaseResult(phase.Describe(), true, phase.Duration, ran, phase.ArrivalCount, started, dropped);
    }

    /// <summary>False if the run was stopped first.</summary>
    private static bool WaitUntil(RunClock clock, TimeSpan due, CancellationToken cancellationToken)
    {
        // Each pass sleeps until (nearly) the fixed due time, so the loop ends within a few passes.
        TimeSpan wait;
        while ((wait = due - clock.Elapsed) > DispatchSlack)
        {
            if (cancellationToken.WaitHandle.WaitOne(wait))
            {
                return false;
            }
        }

        return !cancellationToken.IsCancellationRequested;
    }
}
