using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Load;

/// <summary>Keeps a fixed number of workers running instances back to back until the phase ends.</summary>
internal static class ClosedModelDriver
{
    // A scenario that completes instantly (a misconfigured stub) would otherwise spin a worker for
    // the whole phase; this bounds the loop by count as well as by time.
    private const long MaxInstancesPerWorker = 10_000_000;

    public static async Task<PhaseResult> RunAsync(
        KeepConcurrentPhase phase,
        TimeSpan phaseStart,
        RunClock clock,
        InFlightTracker inFlight,
        InstanceLauncher launch,
        CancellationToken stopDispatching,
        CancellationToken stopInstances)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(inFlight);
        ArgumentNullException.ThrowIfNull(launch);

        var phaseEnd = phaseStart + phase.Duration;
        long started = 0;

        async Task WorkerAsync()
        {
            for (long n = 0; n < MaxInstancesPerWorker; n++)
            {
                var now = clock.Elapsed;
                if (now >= phaseEnd || stopDispatching.IsCancellationRequested)
                {
                    return;
                }

                // The closed model never drops: the cap only bounds what the open phases may add.
                inFlight.Enter();
                Interlocked.Increment(ref started);
                try
                {
                    await launch(now, stopInstances);
                }
                finally
                {
                    inFlight.Exit();
                }
            }
        }

        var startDelay = phaseStart - clock.Elapsed;
        if (startDelay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(startDelay, stopDispatching);
            }
            catch (OperationCanceledException)
            {
                return new PhaseResult(phase.Describe(), false, phase.Duration, TimeSpan.Zero, 0, 0, 0);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, phase.Copies).Select(_ => Task.Run(WorkerAsync, CancellationToken.None)));
        var ran = stopDispatching.IsCancellationRequested ? clock.Elapsed - phaseStart : phase.Duration;
        return new PhaseResult(phase.Describe(), false, phase.Duration, TimeSpan.FromTicks(Math.Clamp(ran.Ticks, 0, phase.Duration.Ticks)), 0, started, 0);
    }
}
