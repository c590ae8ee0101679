namespace PatientAccess.Monitor.Tests.Support;

/// <summary>The system clock plus an offset a test moves; timers stay real.</summary>
internal sealed class MovableTime : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
