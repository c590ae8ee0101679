namespace PatientAccess.AuthServer.Tests.Integration;

/// <summary>A clock tests move by hand: codes expire, keys rotate, lockouts end without waiting.</summary>
internal sealed class MutableTimeProvider : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
