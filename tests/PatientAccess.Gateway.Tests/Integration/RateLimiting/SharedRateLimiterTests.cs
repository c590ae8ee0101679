using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.ServiceDefaults.Redis;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>
/// The shared limiter against a real redis-server: decisions that arrive together go out in one
/// script call and come back exactly as if each had been its own; a hung Redis means local limits
/// (or refusal) within the Redis timeout, not requests that hang.
/// </summary>
public sealed class SharedRateLimiterTests : IAsyncLifetime
{
    private static readonly BucketLimit Unlimited = BucketLimit.Of(1_000_000, 1_000_000);
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<RedisConnection> _connections = [];
    private RedisServer _redis = null!;

    public async ValueTask InitializeAsync() => _redis = await RedisServer.StartAsync();

    [Fact]
    public async Task Decide_ManyAtOnceOnOneBucket_ExactlyTheBurstAllowedInFewCalls()
    {
        var limiter = await ConnectedLimiterAsync();
        var client = Bucket("client", BucketLimit.Of(40, 0.001));
        var callsBefore = await ScriptCallsAsync();

        var decisions = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => limiter.DecideAsync([client, Bucket("token", Unlimited)]))));

        Assert.Equal(40, decisions.Count(d => d.Allowed));
        Assert.All(decisions, d => Assert.False(d.Local));
        // Each allowed decision saw the bucket one lower than the one before it: none was lost or doubled.
        Assert.Equal(Enumerable.Range(0, 40).Reverse(), decisions.Where(d => d.Allowed).Select(d => (int)d.Remaining).OrderDescending());
        Assert.All(decisions.Where(d => !d.Allowed), d => Assert.True(d.RetryAfter > TimeSpan.Zero && d.Remaining == 0));
        var calls = await ScriptCallsAsync() - callsBefore;
        Assert.True(calls < 100, $"200 decisions arriving together took {calls} script calls");
    }

    [Fact]
    public async Task Decide_TwoTokensOfOneAppInterleaved_TheAppsBurstSharedExactly()
    {
        var limiter = await ConnectedLimiterAsync();
        var client = Bucket("client", BucketLimit.Of(30, 0.001));
        var tokens = new[] { Bucket("token-a", Unlimited), Bucket("token-b", Unlimited) };

        var decisions = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(() => limiter.DecideAsync([client, tokens[i % 2]]))));

        Assert.Equal(30, decisions.Count(d => d.Allowed));
        Assert.Equal(Enumerable.Range(0, 30).Reverse(), decisions.Where(d => d.Allowed).Select(d => (int)d.Remaining).OrderDescending());
    }

    [Fact]
    public async Task Decide_RefusedByOneBucket_ChargesNoneOfItsBuckets()
    {
        var limiter = NewLimiter();
        Assert.True((await limiter.DecideAsync([Bucket("warm-up", Unlimited)])).Allowed);
        var client = Bucket("client", BucketLimit.Of(10, 0.001));
        var narrowToken = Bucket("narrow-token", BucketLimit.Of(2, 0.001));

        var narrow = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => limiter.DecideAsync([client, narrowToken]))));
        var other = await limiter.DecideAsync([client, Bucket("other-token", Unlimited)]);

        Assert.Equal(2, narrow.Count(d => d.Allowed));
        Assert.True(other.Allowed);
        // 10 - 2 (the narrow token's two) - 1 (this one): the three refusals cost the client nothing.
        Assert.Equal(7, other.Remaining);
    }

    [Fact]
    public async Task Decide_RedisHung_LocalLimitsWithinTheTimeout_SharedAgainAfterwards()
    {
        var limiter = await ConnectedLimiterAsync(redisTimeoutMilliseconds: 300, retryMilliseconds: 500);
        var buckets = new[] { Bucket("client", Unlimited) };

        await _redis.PauseAsync();
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
            await _redis.ResumeAsync();
        }

        Assert.True(await Eventually.TrueAsync(async () => !(await limiter.DecideAsync(buckets)).Local, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Decide_RedisHungAndPolicyRefuse_RefusedAsUnavailable()
    {
        var limiter = await ConnectedLimiterAsync(redisTimeoutMilliseconds: 300, policy: RedisDownPolicy.Refuse);
        var buckets = new[] { Bucket("client", Unlimited) };

        await _redis.PauseAsync();
        try
        {
            var decision = await limiter.DecideAsync(buckets);

            Assert.False(decision.Allowed);
            Assert.True(decision.Unavailable);
        }
        finally
        {
            await _redis.ResumeAsync();
        }
    }

    [Fact]
    public async Task Decide_ColdConnection_AnsweredLocallyAtOnce_SharedOnceConnected()
    {
        var limiter = NewLimiter();
        var buckets = new[] { Bucket("client", Unlimited) };

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
        var limiter = NewLimiter(policy: RedisDownPolicy.Refuse);
        var buckets = new[] { Bucket("client", Unlimited) };

        var first = await limiter.DecideAsync(buckets);

        Assert.True(!first.Allowed && first.Unavailable);
        Assert.True(await Eventually.TrueAsync(async () => (await limiter.DecideAsync(buckets)) is { Allowed: true, Local: false }, TimeSpan.FromSeconds(10)));
    }

    private static RateLimitBucket Bucket(string name, BucketLimit limit) => new($"test:{name}:{Guid.NewGuid():N}", limit);

    private SharedRateLimiter NewLimiter(int redisTimeoutMilliseconds = 2000, int retryMilliseconds = 1000, RedisDownPolicy policy = RedisDownPolicy.LocalLimits)
    {
        var connection = new RedisConnection(
            Options.Create(new RedisOptions { ConnectionString = _redis.ConnectionString, TimeoutMilliseconds = redisTimeoutMilliseconds }),
            NullLogger<RedisConnection>.Instance);
        _connections.Add(connection);
        var options = new RateLimitOptions { RedisDownPolicy = policy, RedisRetryMilliseconds = retryMilliseconds };
        return new SharedRateLimiter(connection, new LocalRateLimiter(TimeProvider.System), Options.Create(options),
            new GatewayMetrics(_services.GetRequiredService<IMeterFactory>()), TimeProvider.System, NullLogger<SharedRateLimiter>.Instance);
    }

    /// <summary>A limiter whose connection is up, as a running gateway's is (it connects at startup).</summary>
    private async Task<SharedRateLimiter> ConnectedLimiterAsync(int redisTimeoutMilliseconds = 2000, int retryMilliseconds = 1000, RedisDownPolicy policy = RedisDownPolicy.LocalLimits)
    {
        var limiter = NewLimiter(redisTimeoutMilliseconds, retryMilliseconds, policy);
        var warmUp = new[] { Bucket("warm-up", Unlimited) };
        Assert.True(await Eventually.TrueAsync(async () => (await limiter.DecideAsync(warmUp)) is { Allowed: true, Local: false }, TimeSpan.FromSeconds(10)),
            "the limiter never reached Redis");
        return limiter;
    }

    /// <summary>Script calls Redis has run so far (INFO commandstats), whichever of EVAL and EVALSHA the client chose.</summary>
    private async Task<long> ScriptCallsAsync()
    {
        using var admin = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString + ",allowAdmin=true");
        var info = await admin.GetServer(admin.GetEndPoints()[0]).InfoAsync("commandstats");
        return info.SelectMany(g => g).Where(p => p.Key is "cmdstat_eval" or "cmdstat_evalsha")
            .Sum(p => long.Parse(p.Value.Split(',')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        await _services.DisposeAsync();
        await _redis.DisposeAsync();
    }
}
