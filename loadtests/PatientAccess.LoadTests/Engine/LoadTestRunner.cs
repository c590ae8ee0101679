using PatientAccess.LoadTests.Load;
using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Engine;

/// <summary>Runs a scenario through a load profile (phases in order) and gathers the result.</summary>
internal static class LoadTestRunner
{
    // Beyond the per-step timeouts, how long stragglers get after the last arrival.
    private static readonly TimeSpan DrainSlack = TimeSpan.FromSeconds(2);

    public static async Task<RunResult> RunAsync(
        Scenario scenario,
        IReadOnlyList<LoadPhase> phases,
        RunSettings settings,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(phases);
        ArgumentNullException.ThrowIfNull(settings);
        if (phases.Count == 0)
        {
            throw new ArgumentException("A load profile needs at least one phase.", nameof(phases));
        }

        settings.Validate();
        var drainDeadline = (settings.RequestTimeout * scenario.Steps.Count) + DrainSlack;
        var loadDuration = TimeSpan.FromTicks(phases.Sum(p => p.Duration.Ticks));
        var clock = new RunClock();
        var stats = new StatsCollector(scenario, loadDuration + drainDeadline);
        var inFlight = new InFlightTracker(settings.MaxInFlight);
        var instances = new ScenarioInstanceRunner(scenario, settings, stats, clock);
        using var stopInstances = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var results = new List<PhaseResult>(phases.Count);
        var phaseStart = TimeSpan.Zero;
        foreach (var phase in phases)
        {
            var result = phase switch
            {
                OpenLoadPhase open => await OpenModelDriver.RunAsync(
                    open, phaseStart, clock, inFlight, instances.RunAsync, stats.RecordDispatchLag, cancellationToken, stopInstances.Token),
                KeepConcurrentPhase closed => await ClosedModelDriver.RunAsync(
                    closed, phaseStart, clock, inFlight, instances.RunAsync, cancellationToken, stopInstances.Token),
                _ => throw new ArgumentException($"Unknown phase type {phase.GetType().Name}.", nameof(phases)),
            };
            results.Add(result);
            phaseStart += phase.Duration;
        }

        var drained = await inFlight.WaitForDrainAsync(drainDeadline, CancellationToken.None);
        if (!drained)
        {
            // Steps that ignore cancellation past their timeout: cancel everything, give them a moment, move on.
            await stopInstances.CancelAsync();
            await inFlight.WaitForDrainAsync(TimeSpan.FromMilliseconds(500), CancellationToken.None);
        }

        var elapsed = clock.Elapsed;
        return new RunResult
        {
            ScenarioName = scenario.Name,
            StartedAt = clock.StartedAt,
            Elapsed = elapsed,
            Settings = settings,
            Phases = results,
            Steps = stats.SummarizeSteps(elapsed),
            Scenario = stats.Scenario.Summarize(elapsed),
            DispatchLag = stats.SummarizeDispatchLag(),
            Timeline = stats.Timeline.Snapshot(),
            PeakInFlight = inFlight.Peak,
            Abandoned = inFlight.Current,
            StoppedEarly = cancellationToken.IsCancellationRequested,
        };
    }
}
