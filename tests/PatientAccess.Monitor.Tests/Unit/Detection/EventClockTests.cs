using PatientAccess.Monitor.Detection;

namespace PatientAccess.Monitor.Tests.Unit.Detection;

/// <summary>The time an event is counted at: its own, the receive time for a clock running ahead, none for one older than the window.</summary>
public sealed class EventClockTests
{
    private static readonly DateTimeOffset Received = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Effective_OutOfOrderWithinWindow_ItsOwnTime()
    {
        var at = Received.AddSeconds(-250);
        Assert.Equal(at, EventClock.Effective(at, Received, 300, 60));
    }

    [Fact]
    public void Effective_SlightlyAhead_ItsOwnTime()
    {
        var at = Received.AddSeconds(30);
        Assert.Equal(at, EventClock.Effective(at, Received, 300, 60));
    }

    [Fact]
    public void Effective_HoursAhead_CountedAtReceiveTime()
    {
        Assert.Equal(Received, EventClock.Effective(Received.AddHours(3), Received, 300, 60));
    }

    [Fact]
    public void Effective_HoursBehind_NotCounted()
    {
        Assert.Null(EventClock.Effective(Received.AddHours(-3), Received, 300, 60));
    }
}
