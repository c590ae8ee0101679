using Microsoft.Extensions.Logging;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>
/// Contract 2 against a real redis-server: while the monitor's <c>patientaccess:throttle:{client_id}</c>
/// hash exists, an app's bucket is limited to the tighter of its own limit and the throttle, on every
/// limiter sharing the Redis; a throttle can never loosen a limit, and a malformed one is ignored with
/// a warning rather than failing decisions.
/// </summary>
public sealed class ThrottleTests : IAsyncLifetime
{
    private const string Prefix = "patientaccess:throttle:";
    private static readonly BucketLimit Unlimited = LimiterHarness.Unlimited;
    private LimiterHarness _harness = null!;
    private ConnectionMultiplexer _redis = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await LimiterHarness.StartAsync();
        _redis = await ConnectionMultiplexer.ConnectAsync(_harness.Redis.ConnectionString);
    }

    /// <summary>An app's bucket (a fresh one) naming its throttle key, as the gateway's chain builds it.</summary>
    private static (RateLimitBucket Bucket, string Throttle) App(BucketLimit limit)
    {
        var clientId = "app-" + Guid.NewGuid().ToString("N");
        return (new RateLimitBucket("test:client:" + clientId, limit, Prefix + clientId), Prefix + clientId);
    }

    private async Task ThrottleAsync(string key, string perSecond, string burst, TimeSpan lifetime)
    {
        var database = _redis.GetDatabase();
        await database.HashSetAsync(key, [new HashEntry("per_second", perSecond), new HashEntry("burst", burst)]);
        await database.KeyExpireAsync(key, lifetime);
    }

    private static async Task<RateLimitDecision[]> OneByOneAsync(SharedRateLimiter limiter, RateLimitBucket app, int count)
    {
        var decisions = new RateLimitDecision[count];
        for (var i = 0; i < count; i++)
        {
            // A token of its own each time: no lease, and the app's bucket is the one that binds.
            decisions[i] = await limiter.DecideAsync([app, LimiterHarness.Bucket("token", Unlimited)]);
        }

        return decisions;
    }

    /// <summary>Waits until the app's bucket holds well over what the test spends next, at its normal limit.</summary>
    private static Task<bool> RefilledAsync(SharedRateLimiter limiter, RateLimitBucket app) =>
        Eventually.TrueAsync(async () => (await limiter.DecideAsync([app, LimiterHarness.Bucket("token", Unlimited)])) is { Allowed: true, Remaining: > 100, Throttle: null },
            TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Decide_ThrottleSet_TighterLimitOnEveryLimiterAndReported()
    {
        var first = await _harness.ConnectedLimiterAsync();
        var second = await _harness.ConnectedLimiterAsync();
        var (app, throttle) = App(BucketLimit.Of(1000, 1000));
        var (other, _) = App(BucketLimit.Of(1000, 1000));
        await ThrottleAsync(throttle, "0.001", "4", TimeSpan.FromMinutes(5));

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 5; i++)
        {
            decisions.AddRange(await OneByOneAsync(i % 2 == 0 ? first : second, app, 2));
        }

        var bystander = await OneByOneAsync(first, other, 10);

        Assert.Equal(4, decisions.Count(d => d.Allowed));
        Assert.All(decisions, d => Assert.Equal(4, d.Throttle?.Burst));
        Assert.All(decisions, d => Assert.Equal(0.001, d.Throttle?.PerSecond));
        Assert.All(decisions, d => Assert.False(d.Local));
        Assert.All(bystander, d => Assert.True(d.Allowed && d.Throttle is null));
    }

    [Fact]
    public async Task Decide_ThrottleLooserThanTheAppsLimit_AppsOwnLimitKept()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var (app, throttle) = App(BucketLimit.Of(3, 0.001));
        await ThrottleAsync(throttle, "500", "1000", TimeSpan.FromMinutes(5));

        var decisions = await OneByOneAsync(limiter, app, 6);

        Assert.Equal(3, decisions.Count(d => d.Allowed));
    }

    [Fact]
    public async Task Decide_ThrottleRateOnlyTighter_BurstOfTheAppRateOfTheThrottle()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var (app, throttle) = App(BucketLimit.Of(5, 1000));
        await ThrottleAsync(throttle, "0.001", "1000", TimeSpan.FromMinutes(5));

        // The app's burst (5) with the throttle's refill (one per 1000 s): after the burst, nothing.
        var decisions = await OneByOneAsync(limiter, app, 8);

        Assert.Equal(5, decisions.Count(d => d.Allowed));
        Assert.True(decisions[^1].RetryAfter > TimeSpan.FromSeconds(100), $"retry after {decisions[^1].RetryAfter}");
    }

    [Fact]
    public async Task Decide_ThrottleGone_NormalLimitAgain()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var (app, throttle) = App(BucketLimit.Of(1000, 1000));
        await ThrottleAsync(throttle, "0.001", "2", TimeSpan.FromMinutes(5));
        var during = await OneByOneAsync(limiter, app, 4);

        await _redis.GetDatabase().KeyDeleteAsync(throttle);
        // The app's own refill (1000/s) fills its bucket again within a second.
        Assert.True(await RefilledAsync(limiter, app));
        var after = await OneByOneAsync(limiter, app, 20);

        Assert.Equal(2, during.Count(d => d.Allowed));
        Assert.All(after, d => Assert.True(d.Allowed && d.Throttle is null));
    }

    [Fact]
    public async Task Decide_ThrottleExpires_NormalLimitAgain()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var (app, throttle) = App(BucketLimit.Of(1000, 1000));
        await ThrottleAsync(throttle, "0.001", "1", TimeSpan.FromMilliseconds(1500));
        var during = await OneByOneAsync(limiter, app, 3);

        // Redis' own expiry (PEXPIRE) ends it: no one deletes the key.
        Assert.True(await Eventually.TrueAsync(async () => !await _redis.GetDatabase().KeyExistsAsync(throttle), TimeSpan.FromSeconds(20)));
        Assert.True(await RefilledAsync(limiter, app));
        var after = await OneByOneAsync(limiter, app, 20);

        Assert.Equal(1, during.Count(d => d.Allowed));
        Assert.All(after, d => Assert.True(d.Allowed));
    }

    [Theory]
    [InlineData("abc", "5")]
    [InlineData("-1", "5")]
    [InlineData("0", "5")]
    [InlineData("1e999", "5")]
    [InlineData("5000000", "5")]
    [InlineData("nan", "5")]
    [InlineData("0x10", "5")]
    [InlineData(" 1", "5")]
    [InlineData("1", "-3")]
    [InlineData("1", "0")]
    [InlineData("1", "2.5")]
    [InlineData("1", "99999999999999999999999")]
    [InlineData("1", "")]
    public async Task Decide_MalformedThrottle_IgnoredWithAWarning(string perSecond, string burst)
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var limiter = await _harness.ConnectedLimiterAsync(logger: factory.CreateLogger<SharedRateLimiter>());
        var (app, throttle) = App(BucketLimit.Of(6, 0.001));
        await ThrottleAsync(throttle, perSecond, burst, TimeSpan.FromMinutes(5));

        var decisions = await OneByOneAsync(limiter, app, 8);

        // The app's own limit, decided in Redis (not a local fallback after a script error).
        Assert.Equal(6, decisions.Count(d => d.Allowed));
        Assert.All(decisions, d => Assert.True(!d.Local && d.Throttle is null));
        Assert.Single(logs.Warnings, w => w.Message.Contains(throttle, StringComparison.Ordinal) && w.Message.Contains("malformed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ThrottleKeyNotAHashOrMissingAField_IgnoredWithAWarning()
    {
        var logs = new CapturedLogs();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var limiter = await _harness.ConnectedLimiterAsync(logger: factory.CreateLogger<SharedRateLimiter>());
        var (stringKey, stringThrottle) = App(BucketLimit.Of(4, 0.001));
        var (halfHash, halfThrottle) = App(BucketLimit.Of(4, 0.001));
        var database = _redis.GetDatabase();
        await database.StringSetAsync(stringThrottle, "per_second=1,burst=1", TimeSpan.FromMinutes(5));
        await database.HashSetAsync(halfThrottle, "per_second", "0.5");

        var first = await OneByOneAsync(limiter, stringKey, 6);
        var second = await OneByOneAsync(limiter, halfHash, 6);

        Assert.Equal(4, first.Count(d => d.Allowed && !d.Local));
        Assert.Equal(4, second.Count(d => d.Allowed && !d.Local));
        Assert.Contains(logs.Warnings, w => w.Message.Contains(stringThrottle, StringComparison.Ordinal));
        Assert.Contains(logs.Warnings, w => w.Message.Contains(halfThrottle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Decide_ThrottleWrittenAsTheMonitorWritesIt_DecimalRateAndWholeBurst()
    {
        var limiter = await _harness.ConnectedLimiterAsync();
        var (app, throttle) = App(BucketLimit.Of(1000, 1000));
        await ThrottleAsync(throttle, "0.25", "2", TimeSpan.FromMinutes(5));

        var decisions = await OneByOneAsync(limiter, app, 3);

        Assert.Equal([true, true, false], decisions.Select(d => d.Allowed));
        Assert.Equal(0.25, decisions[0].Throttle?.PerSecond);
        Assert.Equal(2, decisions[0].Throttle?.Burst);
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _harness.DisposeAsync();
    }
}
