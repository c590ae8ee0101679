using PatientAccess.LoadTests.Engine;

namespace PatientAccess.LoadTests.Stats;

/// <summary>
/// Thread-safe accumulator for one step. A lock is cheap next to a network round trip and keeps
/// the histogram, counters and outcome table consistent with each other.
/// </summary>
internal sealed class StepStatsCollector
{
    private readonly Lock _gate = new();
    private readonly LatencyHistogram _latency = new();
    private readonly Dictionary<string, long> _okByOutcome = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _failedByOutcome = new(StringComparer.Ordinal);
    private long _ok;
    private long _failed;
    private long _bytes;

    public StepStatsCollector(string name) => Name = name;

    public string Name { get; }

    public void Record(StepResult result, TimeSpan latency)
    {
        var micros = (long)Math.Round(latency.TotalMicroseconds);
        var key = result.OutcomeKey;
        lock (_gate)
        {
            _latency.Record(micros);
            var table = result.IsOk ? _okByOutcome : _failedByOutcome;
            table[key] = table.GetValueOrDefault(key) + 1;
            if (result.IsOk)
            {
                _ok++;
            }
            else
            {
                _failed++;
            }

            _bytes += result.Bytes;
        }
    }

    public StepSummary Summarize(TimeSpan elapsed)
    {
        lock (_gate)
        {
            var count = _ok + _failed;
            var seconds = elapsed.TotalSeconds;
            return new StepSummary(
                Name,
                count,
                _ok,
                _failed,
                new SortedDictionary<string, long>(_okByOutcome, StringComparer.Ordinal),
                new SortedDictionary<string, long>(_failedByOutcome, StringComparer.Ordinal),
                LatencySummary.FromMicroseconds(_latency),
                _bytes,
                seconds > 0 ? count / seconds : 0);
        }
    }
}
