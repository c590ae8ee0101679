using PatientAccess.LoadTests.Load;

namespace PatientAccess.LoadTests.Tests.Unit.Load;

public class InFlightTrackerTests
{
    [Fact]
    public void TryEnter_CapReached_RefusesWithoutCounting()
    {
        var tracker = new InFlightTracker(2);

        Assert.True(tracker.TryEnter());
        Assert.True(tracker.TryEnter());
        Assert.False(tracker.TryEnter());
        Assert.Equal(2, tracker.Current);

        tracker.Exit();
        Assert.True(tracker.TryEnter());
        Assert.Equal(2, tracker.Peak);
    }

    [Fact]
    public void Enter_AboveCap_StillCounts()
    {
        var tracker = new InFlightTracker(1);

        tracker.Enter();
        tracker.Enter();

        Assert.Equal(2, tracker.Current);
        Assert.Equal(2, tracker.Peak);
    }

    [Fact]
    public async Task WaitForDrainAsync_NeverDrains_GivesUpAtDeadline()
    {
        var tracker = new InFlightTracker(1);
        tracker.Enter();

        var drained = await tracker.WaitForDrainAsync(TimeSpan.FromMilliseconds(50), TestContext.Current.CancellationToken);

        Assert.False(drained);
    }
}
