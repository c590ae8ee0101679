using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.ServiceDefaults.Redis;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>A real redis-server and shared limiters on it, each with its own connection as a gateway replica has.</summary>
internal sealed class LimiterHarness : IAsyncDisposable
{
    public static readonly BucketLimit Unlimited = BucketLimit.Of(1_000_000, 1_000_000);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly List<RedisConnection> _connections = [];

    private LimiterHarness(RedisServer redis) => Redis = redis;

    public RedisServer Redis { get; }

    public static async Task<LimiterHarness> StartAsync() => new(await RedisServer.StartAsync());

    /// <summary>A bucket of its own for each test (a fresh key), so tests never share state.</summary>
    public static RateLimitBucket Bucket(string name, BucketLimit limit) => new($"test:{name}:{Guid.NewGuid():N}", limit);

    public SharedRateLimiter NewLimiter(RateLimitOptions? options = null, int redisTimeoutMilliseconds = 2000, ILogger<SharedRateLimiter>? logger = null)
    {
        var connection = new RedisConnection(
            Options.Create(new RedisOptions { ConnectionString = Redis.ConnectionString, TimeoutMilliseconds = redisTimeoutMilliseconds }),
            NullLogger<RedisConnection>.Instance);
        _connections.Add(connection);
        return new SharedRateLimiter(connection, new LocalRateLimiter(TimeProvider.System), Options.Create(options ?? new RateLimitOptions()),
            new GatewayMetrics(_services.GetRequiredService<IMeterFactory>()), TimeProvider.System, logger ?? NullLogger<SharedRateLimiter>.Instance);
    }

    /// <summary>A limiter whose connection is up, as a running gateway's is (it connects at startup).</summary>
    public async Task<SharedRateLimiter> ConnectedLimiterAsync(RateLimitOptions? options = null, int redisTimeoutMilliseconds = 2000, ILogger<SharedRateLimiter>? logger = null)
    {
        var limiter = NewLimiter(options, redisTimeoutMilliseconds, logger);
        var warmUp = new[] { Bucket("warm-up", Unlimited) };
        Assert.True(await Eventually.TrueAsync(async () => (await limiter.DecideAsync(warmUp)) is { Allowed: true, Local: false }, TimeSpan.FromSeconds(10)),
            "the limiter never reached Redis");
        return limiter;
    }

    /// <summary>Script calls Redis has run so far (INFO commandstats), whichever of EVAL and EVALSHA the client chose.</summary>
    public async Task<long> ScriptCallsAsync()
    {
        using var admin = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString + ",allowAdmin=true");
        var info = await admin.GetServer(admin.GetEndPoints()[0]).InfoAsync("commandstats");
        return info.SelectMany(g => g).Where(p => p.Key is "cmdstat_eval" or "cmdstat_evalsha")
            .Sum(p => long.Parse(p.Value.Split(',')[0].Split('=')[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        await _services.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
