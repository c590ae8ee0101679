using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Stats;

/// <summary>
/// Everything measured during one run: per-step statistics, whole-instance statistics, how late the
/// generator started instances compared with their schedule, and the per-second timeline.
/// </summary>
internal sealed class StatsCollector
{
    private readonly Dictionary<string, StepStatsCollector> _steps;
    private readonly Lock _lagGate = new();
    private readonly LatencyHistogram _dispatchLag = new();

    public StatsCollector(Scenario scenario, TimeSpan expectedLength)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        StepNames = [.. scenario.Steps.Select(s => s.Name)];
        // Built once up front so recording never mutates the dictionary from many threads.
        _steps = scenario.Steps.ToDictionary(s => s.Name, s => new StepStatsCollector(s.Name), StringComparer.Ordinal);
        Scenario = new StepStatsCollector(scenario.Name);
        Timeline = new Timeline(expectedLength);
    }

    public IReadOnlyList<string> StepNames { get; }

    /// <summary>Whole scenario instances: latency from first step start to last step end.</summary>
    public StepStatsCollector Scenario { get; }

    public Timeline Timeline { get; }

    public void RecordStep(string stepName, StepResult result, TimeSpan latency, TimeSpan completedAt)
    {
        _steps[stepName].Record(result, latency);
        Timeline.Record(completedAt, result.IsOk);
    }

    /// <summary>
    /// How far behind schedule an instance started. Large values mean the generator itself could not
    /// keep up (CPU starvation), so its latencies understate what users would see.
    /// </summary>
    public void RecordDispatchLag(TimeSpan lag)
    {
        var micros = (long)Math.Max(0, Math.Round(lag.TotalMicroseconds));
        lock (_lagGate)
        {
            _dispatchLag.Record(micros);
        }
    }

    public IReadOnlyList<StepSummary> SummarizeSteps(TimeSpan elapsed) =>
        [.. StepNames.Select(name => _steps[name].Summarize(elapsed))];

    public LatencySummary SummarizeDispatchLag()
    {
        lock (_lagGate)
        {
            return LatencySummary.FromMicroseconds(_dispatchLag);
        }
    }
}
