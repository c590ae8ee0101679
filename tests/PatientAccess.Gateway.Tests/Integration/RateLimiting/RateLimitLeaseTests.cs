using PatientAccess.Gateway.RateLimiting;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>
/// Tokens taken ahead from the shared buckets (RateLimiting:LeaseSize), against a real
/// redis-server: a busy token's decisions mostly skip Redis, yet no more than the bucket holds is
/// ever allowed, by one replica or two, and with leases off every decision is a Redis call (lapsing: Unit/RateLimiting/RateLimitLeasesTests).
/// </summary>
public sealed class RateLimitLeaseTests : IAsyncLifetime
{
    /// <summary>Long enough that a stalled CI thread cannot let a lease lapse mid-test (the lapse has its own test).</summary>
    private static readonly RateLimitOptions SlowLapse = new() { LeaseMilliseconds = 5_000 };

    private LimiterHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await LimiterHarness.StartAsync();

    [Fact]
    public async Task Decide_OneBusyToken_MostDecisionsWithoutRedis_ExactlyTheBurstWithContiguousRemaining()
    {
        var limiter = await _harness.ConnectedLimiterAsync(SlowLapse);
        RateLimitBucket[] buckets = [LimiterHarness.Bucket("client", BucketLimit.Of(200, 0.001)), LimiterHarness.Bucket("token", LimiterHarness.Unlimited)];
        var callsBefore = await _harness.ScriptCallsAsync();

        var allowed = new List<RateLimitDecision>();
        for (var i = 0; i < 200; i++)
        {
            allowed.Add(await limiter.DecideAsync(buckets));
        }

        var calls = await _harness.ScriptCallsAsync() - callsBefore;
        var after = await limiter.DecideAsync(buckets);

        Assert.All(allowed, d => Assert.True(d.Allowed && !d.Local));
        // The RateLimit header counts down one by one, leased or not, as if each had asked Redis.
        Assert.Equal(Enumerable.Range(0, 200).Reverse(), allowed.Select(d => (int)d.Remaining));
        Assert.False(after.Allowed, "the 201st request of a 200-request burst was allowed");
        // One at a time, each of these would be its own call without leases.
        Assert.True(calls <= 60, $"200 requests of one busy token took {calls} script calls");
    }

    [Fact]
    public async Task Decide_TwoReplicasOneBusyToken_TogetherExactlyTheBurst()
    {
        var replicas = new[] { await _harness.ConnectedLimiterAsync(SlowLapse), await _harness.ConnectedLimiterAsync(SlowLapse) };
        RateLimitBucket[] buckets = [LimiterHarness.Bucket("client", BucketLimit.Of(300, 0.001)), LimiterHarness.Bucket("token", LimiterHarness.Unlimited)];

        // Each replica asks for more than the whole burst, two requests at a time, concurrently with the other.
        var perWorker = await Task.WhenAll(replicas.SelectMany(limiter => Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            var count = 0;
            for (var i = 0; i < 200; i++)
            {
                count += (await limiter.DecideAsync(buckets)).Allowed ? 1 : 0;
            }

            return count;
        }))));

        // Not one more than the bucket held (leases never overspend), and not one less (none left stranded).
        Assert.Equal(300, perWorker.Sum());
    }

    [Fact]
    public async Task Decide_LeaseSizeZero_EveryDecisionIsARedisCall()
    {
        var limiter = await _harness.ConnectedLimiterAsync(new RateLimitOptions { LeaseSize = 0 });
        RateLimitBucket[] buckets = [LimiterHarness.Bucket("client", BucketLimit.Of(1_000, 0.001))];
        var callsBefore = await _harness.ScriptCallsAsync();

        for (var i = 0; i < 30; i++)
        {
            Assert.True((await limiter.DecideAsync(buckets)).Allowed);
        }

        Assert.Equal(30, await _harness.ScriptCallsAsync() - callsBefore);
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();
}
