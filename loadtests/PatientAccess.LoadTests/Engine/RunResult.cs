using PatientAccess.LoadTests.Load;
using PatientAccess.LoadTests.Stats;

namespace PatientAccess.LoadTests.Engine;

/// <summary>Everything a report needs about one finished run.</summary>
internal sealed record RunResult
{
    public required string ScenarioName { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>From the first arrival to the last instance finishing (or being abandoned).</summary>
    public required TimeSpan Elapsed { get; init; }

    public required RunSettings Settings { get; init; }

    public required IReadOnlyList<PhaseResult> Phases { get; init; }

    public required IReadOnlyList<StepSummary> Steps { get; init; }

    /// <summary>Whole scenario instances; an instance fails with its first failing step's outcome.</summary>
    public required StepSummary Scenario { get; init; }

    /// <summary>How late open-model instances started compared with their schedule.</summary>
    public required LatencySummary DispatchLag { get; init; }

    public required IReadOnlyList<TimelinePoint> Timeline { get; init; }

    public required int PeakInFlight { get; init; }

    /// <summary>Instances still running when the drain deadline passed; their steps are not counted.</summary>
    public required int Abandoned { get; init; }

    /// <summary>True when the run was stopped before its profile finished (Ctrl+C).</summary>
    public required bool StoppedEarly { get; init; }

    public TimeSpan LoadDuration => TimeSpan.FromTicks(Phases.Sum(p => p.Duration.Ticks));

    public long Planned => Phases.Sum(p => p.Planned);

    public long Started => Phases.Sum(p => p.Started);

    public long Dropped => Phases.Sum(p => p.Dropped);

    public bool HasOpenPhases => Phases.Any(p => p.IsOpenModel);

    /// <summary>Arrivals per second the open phases meant to offer, over their combined length.</summary>
    public double? OfferedRate
    {
        get
        {
            var open = Phases.Where(p => p.IsOpenModel).ToList();
            var seconds = open.Sum(p => p.Duration.TotalSeconds);
            return open.Count == 0 || seconds <= 0 ? null : open.Sum(p => p.Planned) / seconds;
        }
    }

    /// <summary>Instances started per second of the time the phases actually ran (shorter than planned if stopped early).</summary>
    public double StartedRate
    {
        get
        {
            var seconds = Phases.Sum(p => p.Ran.TotalSeconds);
            return seconds > 0 ? Started / seconds : 0;
        }
    }
}
