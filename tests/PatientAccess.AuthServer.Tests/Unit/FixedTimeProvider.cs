namespace PatientAccess.AuthServer.Tests.Unit;

/// <summary>A clock pinned to one instant, for rules that depend on today's date.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
