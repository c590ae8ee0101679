using System.Diagnostics;

namespace PatientAccess.LoadTests.Load;

/// <summary>Counts running scenario instances and enforces the in-flight cap.</summary>
internal sealed class InFlightTracker
{
    private readonly int _max;
    private int _current;
    private int _peak;

    public InFlightTracker(int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        _max = max;
    }

    public int Current => Volatile.Read(ref _current);

    public int Peak => Volatile.Read(ref _peak);

    /// <summary>Claims a slot; false when the cap is reached, and then nothing was claimed.</summary>
    public bool TryEnter()
    {
        var now = Interlocked.Increment(ref _current);
        if (now > _max)
        {
            Interlocked.Decrement(ref _current);
            return false;
        }

        RaisePeak(now);
        return true;
    }

    /// <summary>Claims a slot regardless of the cap (the closed model bounds itself by its worker count).</summary>
    public void Enter() => RaisePeak(Interlocked.Increment(ref _current));

    private void RaisePeak(int now)
    {
        var peak = Volatile.Read(ref _peak);
        while (now > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peak, now, peak);
            if (seen == peak)
            {
                break;
            }

            peak = seen;
        }
    }

    public void Exit() => Interlocked.Decrement(ref _current);

    /// <summary>
    /// Waits until nothing is running or the deadline passes; true if everything finished. Polling is
    /// fine here: it runs once per run, and a signal per exit would cost every request.
    /// </summary>
    public async Task<bool> WaitForDrainAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        while (Current > 0 && Stopwatch.GetElapsedTime(start) < deadline && !cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return Current == 0;
    }
}
