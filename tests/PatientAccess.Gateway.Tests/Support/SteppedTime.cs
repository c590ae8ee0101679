namespace PatientAccess.Gateway.Tests.Support;

/// <summary>A clock that moves only when the test says so, for lapses measured in milliseconds.</summary>
internal sealed class SteppedTime : TimeProvider
{
    private long _ticks = 1_000_000;

    public override long TimestampFrequency => 1_000;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public void Advance(int milliseconds) => Interlocked.Add(ref _ticks, milliseconds);
}
