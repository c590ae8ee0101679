namespace PatientAccess.LoadTests.Stats;

/// <summary>
/// Completed requests per second of the run, split into ok and failed, so a report shows when
/// during a ramp the system started to fail rather than only that it did.
/// </summary>
internal sealed class Timeline
{
    // A day of one-second buckets; longer runs fold their tail into the last bucket.
    private const int MaxSeconds = 86_400;

    private readonly long[] _ok;
    private readonly long[] _failed;

    public Timeline(TimeSpan expectedLength)
    {
        var seconds = (int)Math.Clamp(Math.Ceiling(expectedLength.TotalSeconds) + 1, 1, MaxSeconds);
        _ok = new long[seconds];
        _failed = new long[seconds];
    }

    public void Record(TimeSpan completedAt, bool ok)
    {
        var second = (int)Math.Clamp(completedAt.TotalSeconds, 0, _ok.Length - 1);
        Interlocked.Increment(ref ok ? ref _ok[second] : ref _failed[second]);
    }

    /// <summary>The seconds up to and including the last one anything completed in.</summary>
    public IReadOnlyList<TimelinePoint> Snapshot()
    {
        var last = -1;
        for (var i = 0; i < _ok.Length; i++)
        {
            if (Interlocked.Read(ref _ok[i]) + Interlocked.Read(ref _failed[i]) > 0)
            {
                last = i;
            }
        }

        var points = new TimelinePoint[last + 1];
        for (var i = 0; i <= last; i++)
        {
            points[i] = new TimelinePoint(i, Interlocked.Read(ref _ok[i]), Interlocked.Read(ref _failed[i]));
        }

        return points;
    }
}
