using System.Diagnostics;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>
/// The shared limiter against a real redis-server: decisions that arrive together go out in one
/// script call and come back exactly as if each had been its own; a hung Redis means local limits
/// (or refusal) within the Redis timeout, not requests that hang.
/// </summary>
public sealed class SharedRateLimiterTests : IAsyncLifetime
{
    private static readonly BucketLimit Unlimited = LimiterHarness.Unlimited;
    private LimiterHarness _harness = null!;

    public async ValueTask InitializeAsync() => _harness = await LimiterHarness.StartAsync();

    [Fact]
    public async Task Decide_ManyAtOnceOnOneBucket_ExactlyTheBurstAllowedInFewCalls()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var client = LimiterHarness.Bucket("client", BucketLimit.Of(40, 0.001));
        var callsBefore = await _harness.ScriptCallsAsync();

        // Each with a token of its own (200 members of one app at once): no token is busy enough for a
        // lease, so none of the app's allowance is left stranded in one (RateLimitLeaseTests).
        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => limiter.DecideAsync([client, LimiterHarness.Bucket("token", Unlimited)]))));

        Assert.Equal(40, decisions.Count(d => d.Allowed));
        Assert.All(decisions, d => Assert.False(d.Local));
        // Each allowed decision saw the bucket one lower than the one before it: none was lost or doubled.
        Assert.Equal(Enumerable.Range(0, 40).Reverse(), decisions.Where(d => d.Allowed).Select(d => (int)d.Remaining).OrderDescending());
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.True(d.RetryAfter > TimeSpan.Zero && d.Remaining == 0));
        var calls = await _harness.ScriptCallsAsync() - callsBefore;
        Assert.True(calls < 100, $"200 decisions arriving together took {calls} script calls");
    }

    [Fact]
    public async Task Decide_TwoTokensOfOneAppInterleaved_TheAppsBurstSharedExactly()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var client = LimiterHarness.Bucket("client", BucketLimit.Of(30, 0.001));
        var tokens = new[] { LimiterHarness.Bucket("token-a", Unlimited), LimiterHarness.Bucket("token-b", Unlimited) };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => limiter.DecideAsync([client, tokens[i % 2]]))));

        Assert.Equal(30, decisions.Count(d => d.Allowed));
        Assert.Equal(Enumerable.Range(0, 30).Reverse(), decisions.Where(d => d.Allowed).Select(d => (int)d.Remaining).OrderDescending());
    }

    [Fact]
    public async Task Decide_RefusedByOneBucket_ChargesNoneOfItsBuckets()
    {
        // Connected first: a decision made locally while connecting would not charge Redis' buckets.
        var limiter = await _harness.ConnectedLimiterAsync();
        var client = LimiterHarness.Bucket("client", BucketLimit.Of(10, 0.001));
        var narrowToken = LimiterHarness.Bucket("narrow-token", BucketLimit.Of(2, 0.001));

        var narrow = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => limiter.DecideAsync([client, narrowToken]))));
        var other = await limiter.DecideAsync([client, LimiterHarness.Bucket("other-token", Unlimited)]);

        Assert.Equal(2, narrow.Count(d => d.Allowed));
        Assert.True(other.Allowed);
        // 10 - 2 (the narrow token's two) - 1 (this one): the three refusals cost the client nothing.
        Assert.Equal(7, other.Remaining);
    }

    [Fact]
    public async Task Decide_RedisHung_LocalLimitsWithinTheTimeout_SharedAgainAfterwards()
    {
        var limiter = await _harness.ConnectedLimiterAsync(new RateLimitOptions { RedisRetryMilliseconds = 500 }, redisTimeoutMilliseconds: 300);
        var buckets = new[] { LimiterHarness.Bucket("client", Unlimited) };

        await _harness.Redis.PauseAsync();
        try
        {
            var clock = Stopwatch.StartNew();
            var during = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => limiter.DecideAsync(buckets)));
            var waited = clock.Elapsed;
            var next = await limiter.DecideAsync(buckets);

            Assert.All(during, d => Assert.True(d.Allowed && d.Local));
            // Bounded by the Redis timeout, not by Redis coming back (generous: CI machines are slow).
            Assert.True(waited < TimeSpan.FromSeconds(5), $"decisions waited {waited} for a hung Redis");
            Assert.True(next.Allowed && next.Local);
        }
        finally
        {
            await _harness.Redis.ResumeAsync();
        }

        Assert.True(await Eventually.TrueAsync(async () => !(await limiter.DecideAsync(buckets)).Local, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Decide_RedisHungAndPolicyRefuse_RefusedAsUnavailable()
    {
        var limiter = await _harness.ConnectedLimiterAsync(new RateLimitOptions { RedisDownPolicy = RedisDownPolicy.Refuse }, redisTimeoutMilliseconds: 300);
        var buckets = new[] { LimiterHarness.Bucket("client", Unlimited) };

        await _harness.Redis.PauseAsync();
        try
        {
            var decision = await limiter.DecideAsync(buckets);

            Assert.False(decision.Allowed);
            Assert.True(decision.Unavailable);
        }
        finally
        {
            await _harness.Redis.ResumeAsync();
        }
    }

    [Fact]
    public async Task Decide_ColdConnection_AnsweredLocallyAtOnce_SharedOnceConnected()
    {
        var limiter = _harness.NewLimiter();
        var buckets = new[] { LimiterHarness.Bucket("client", Unlimited) };

        // The first decision starts the connect and does not wait for it; neither do 200 more at once
        // (each used to block a pool thread on the synchronous connect, starving the pool for minutes).
        var first = limiter.DecideAsync(buckets);
        var answeredAtOnce = first.IsCompletedSuccessfully;
        var burst = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => limiter.DecideAsync(buckets))));

        Assert.True(answeredAtOnce, "the first decision waited for the connect");
        var answer = await first;
        Assert.True(answer.Allowed && answer.Local);
        Assert.All(burst, d => Assert.True(d.Allowed));
        Assert.True(await Eventually.TrueAsync(async () => !(await limiter.DecideAsync(buckets)).Local, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Decide_ColdConnectionAndPolicyRefuse_RefusedAsUnavailableUntilConnected()
    {
        var limiter = _harness.NewLimiter(new RateLimitOptions { RedisDownPolicy = RedisDownPolicy.Refuse });
        var buckets = new[] { LimiterHarness.Bucket("client", Unlimited) };

        var first = await limiter.DecideAsync(buckets);

        Assert.True(!first.Allowed && first.Unavailable);
        Assert.True(await Eventually.TrueAsync(async () => (await limiter.DecideAsync(buckets)) is { Allowed: true, Local: false }, TimeSpan.FromSeconds(10)));
    }

    public async ValueTask DisposeAsync() => await _harness.DisposeAsync();
}
