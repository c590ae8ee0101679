using PatientAccess.Gateway.RateLimiting;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Unit.RateLimiting;

/// <summary>The replica's store of tokens taken ahead: spent oldest grant first, counting down, and given up when they lapse.</summary>
public sealed class RateLimitLeasesTests
{
    private const int LeaseSize = 32;
    private const int LeaseMilliseconds = 250;
    private readonly SteppedTime _time = new();

    [Fact]
    public void TryTake_Granted_CountsDownFromTheGrantsRemainingThenAsksAgain()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);
        Assert.Null(leases.TryTake("k", out _));
        leases.Grant("k", 3, remaining: 50);

        var taken = Enumerable.Range(0, 4).Select(_ => leases.TryTake("k", out _)).ToList();

        Assert.Equal([49L, 48L, 47L], taken.Take(3).Select(d => d!.Value.Remaining));
        Assert.All(taken.Take(3), d => Assert.True(d!.Value.Allowed && !d.Value.Local));
        Assert.Null(taken[3]);
    }

    [Fact]
    public void TryTake_TwoGrants_OldestSpentFirst()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);
        leases.Grant("k", 2, remaining: 50);
        leases.Grant("k", 2, remaining: 40);

        var remaining = Enumerable.Range(0, 4).Select(_ => leases.TryTake("k", out _)!.Value.Remaining);

        Assert.Equal([49L, 48L, 39L, 38L], remaining);
    }

    [Fact]
    public void TryTake_AfterTheLeaseLapsed_NothingLeftNotEvenTheUnspentTokens()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);
        leases.Grant("k", 10, remaining: 50);
        Assert.NotNull(leases.TryTake("k", out _));

        _time.Advance(LeaseMilliseconds - 1);
        Assert.NotNull(leases.TryTake("k", out _));
        _time.Advance(1);

        Assert.Null(leases.TryTake("k", out _));
        Assert.Null(leases.TryTakeAgain("k"));
    }

    [Fact]
    public void TryTake_OtherKey_NotAnsweredFromThisOnesLease()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);
        leases.Grant("client:a\ntoken:1", 10, remaining: 50);

        Assert.Null(leases.TryTake("client:a\ntoken:2", out _));
    }

    [Fact]
    public void Want_GrowsWithTheKeysRecentDecisions_CappedByLeaseSize_NothingForATokenUsedOnce()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);

        leases.TryTake("once", out var once);
        var wants = Enumerable.Range(0, 100).Select(_ => { leases.TryTake("busy", out var want); return want; }).ToList();

        Assert.Equal(0, once);
        Assert.Equal([0, 1, 1, 2, 2, 3], wants.Take(6));
        Assert.Equal(LeaseSize, wants[^1]);
    }

    [Fact]
    public void Want_LastWindowCounts_TwoQuietWindowsForgetIt()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);
        for (var i = 0; i < 20; i++)
        {
            leases.TryTake("k", out _);
        }

        _time.Advance(LeaseMilliseconds);
        leases.TryTake("k", out var nextWindow);
        _time.Advance(3 * LeaseMilliseconds);
        leases.TryTake("k", out var afterQuiet);

        Assert.Equal(10, nextWindow);
        Assert.Equal(0, afterQuiet);
    }

    [Fact]
    public void TryTake_ManyKeysOnceEach_IdleOnesSweptOnceTheTableIsLarge()
    {
        var leases = new RateLimitLeases(_time, LeaseSize, LeaseMilliseconds);
        leases.Grant("busy", 5, remaining: 50);
        for (var i = 0; i < 20_000; i++)
        {
            leases.TryTake($"address:{i}", out _);
        }

        Assert.Equal(20_001, leases.TrackedKeys);
        _time.Advance(2 * LeaseMilliseconds);
        leases.Grant("busy", 5, remaining: 40);
        leases.TryTake("address:new", out _);

        // The spray's entries went; the lease with live tokens and the newest key stayed.
        Assert.Equal(2, leases.TrackedKeys);
        Assert.Equal(39, leases.TryTake("busy", out _)!.Value.Remaining);
    }

    [Fact]
    public void KeyOf_OneBucketItsKey_SeveralJoined()
    {
        var limit = BucketLimit.Of(10, 1);

        Assert.Equal("a", RateLimitLeases.KeyOf([new("a", limit)]));
        Assert.Equal("a\nb", RateLimitLeases.KeyOf([new("a", limit), new("b", limit)]));
    }
}
