using System.Diagnostics;

namespace PatientAccess.LoadTests.Engine;

/// <summary>Monotonic time since the run started; wall-clock time only for the report header.</summary>
internal sealed class RunClock
{
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();

    public DateTimeOffset StartedAt { get; } = DateTimeOffset.Now;

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_startTimestamp);
}
