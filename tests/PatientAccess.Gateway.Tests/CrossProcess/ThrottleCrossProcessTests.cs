using System.Net;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// Contract 2 across real processes: two gateway replicas and one redis-server. The monitor's
/// throttle (the hash <c>patientaccess:throttle:{client_id}</c> with a TTL) limits the app on both
/// replicas while it exists and stops when it expires; it never loosens an app's tighter normal
/// limit; a malformed one is ignored with a warning in the replica's log, never a 500.
/// </summary>
[Collection(CrossProcessGroup.Name)]
public sealed class ThrottleCrossProcessTests : IAsyncLifetime
{
    private const string StrictApp = "strict-app";
    private TestTokens _tokens = null!;
    private RedisServer _redis = null!;
    private FakeBackend _backend = null!;
    private GatewayReplicas _replicas = null!;
    private ConnectionMultiplexer _connection = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _tokens = new TestTokens();
        _redis = await RedisServer.StartAsync();
        _backend = await FakeBackend.StartAsync(_tokens);
        _replicas = await GatewayReplicas.StartAsync(2, _redis.ConnectionString, _backend, _backend.Url, FakeBackend.FeedKey, new Dictionary<string, string>
        {
            // Generous normal limits, so that any refusal below is the throttle's.
            ["RateLimiting__Client__Burst"] = "10000",
            ["RateLimiting__Client__PerSecond"] = "10000",
            ["RateLimiting__Token__Burst"] = "10000",
            ["RateLimiting__Token__PerSecond"] = "10000",
            ["RateLimiting__Address__Burst"] = "10000",
            ["RateLimiting__Address__PerSecond"] = "10000",
            // One app whose own limit is tighter than any throttle below.
            [$"RateLimiting__Clients__{StrictApp}__Burst"] = "3",
            [$"RateLimiting__Clients__{StrictApp}__PerSecond"] = "0.001",
        });
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
    }

    private static string NewApp() => "app-" + Guid.NewGuid().ToString("N")[..12];

    private async Task SetThrottleAsync(string clientId, string perSecond, string burst, TimeSpan lifetime)
    {
        var database = _connection.GetDatabase();
        var key = "patientaccess:throttle:" + clientId;
        await database.HashSetAsync(key, [new HashEntry("per_second", perSecond), new HashEntry("burst", burst)]);
        await database.KeyExpireAsync(key, lifetime);
    }

    /// <summary>Sends <paramref name="count"/> reads of the app, alternating replicas, each with a fresh token of the app; answers in order.</summary>
    private async Task<List<(int Replica, HttpStatusCode Status, string Body)>> ReadAsync(string clientId, int count)
    {
        var answers = new List<(int, HttpStatusCode, string)>();
        for (var i = 0; i < count; i++)
        {
            var replica = i % _replicas.Count;
            using var request = GatewayReplicas.ReadOwnPatient(_tokens.Create(TestTokens.Claims(clientId: clientId)));
            using var response = await _replicas.Clients[replica].SendAsync(request, Ct);
            answers.Add((replica, response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }

        return answers;
    }

    [Fact]
    public async Task Throttle_SetForAnApp_BothReplicasLimitIt_OthersUntouched_NormalAgainAfterExpiry()
    {
        var throttled = NewApp();
        var bystander = NewApp();
        Assert.All(await ReadAsync(throttled, 4), a => Assert.Equal(HttpStatusCode.OK, a.Status));

        await SetThrottleAsync(throttled, "0.001", "4", TimeSpan.FromSeconds(6));
        var during = await ReadAsync(throttled, 10);
        var others = await ReadAsync(bystander, 10);

        var output = _replicas.Output();
        Assert.Equal(4, during.Count(a => a.Status == HttpStatusCode.OK));
        Assert.True(during.Where(a => a.Status != HttpStatusCode.OK).All(a => a.Status == HttpStatusCode.TooManyRequests), output);
        // Both replicas refused it: the throttle is read from Redis, not from one replica's memory.
        Assert.Equal([0, 1], during.Where(a => a.Status == HttpStatusCode.TooManyRequests).Select(a => a.Replica).Distinct().Order());
        Assert.Contains("security monitoring", during.First(a => a.Status == HttpStatusCode.TooManyRequests).Body, StringComparison.Ordinal);
        Assert.All(others, a => Assert.Equal(HttpStatusCode.OK, a.Status));

        // Redis expires the hash (nobody deletes it); both replicas serve the app at its normal limit again.
        Assert.True(await Eventually.TrueAsync(async () => !await _connection.GetDatabase().KeyExistsAsync("patientaccess:throttle:" + throttled), TimeSpan.FromSeconds(30)));
        Assert.True(await Eventually.TrueAsync(async () => (await ReadAsync(throttled, 2)).All(a => a.Status == HttpStatusCode.OK), TimeSpan.FromSeconds(5)), output);
        Assert.All(await ReadAsync(throttled, 20), a => Assert.Equal(HttpStatusCode.OK, a.Status));
    }

    [Fact]
    public async Task Throttle_LooserThanTheAppsOwnLimit_OwnLimitStillApplies()
    {
        await SetThrottleAsync(StrictApp, "1000", "1000", TimeSpan.FromMinutes(5));

        var answers = await ReadAsync(StrictApp, 6);

        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(3, answers.Count(a => a.Status == HttpStatusCode.TooManyRequests));
    }

    [Theory]
    [InlineData("abc", "2")]
    [InlineData("-5", "2")]
    [InlineData("1", "1000000000000")]
    public async Task Throttle_Malformed_IgnoredWithAWarningNever500(string perSecond, string burst)
    {
        var clientId = NewApp();
        await SetThrottleAsync(clientId, perSecond, burst, TimeSpan.FromMinutes(5));

        var answers = await ReadAsync(clientId, 6);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(_replicas.Processes.All(p =>
            p.Output.Contains($"Throttle patientaccess:throttle:{clientId} is malformed", StringComparison.Ordinal))), TimeSpan.FromSeconds(10)),
            _replicas.Output());
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _replicas.DisposeAsync();
        await _backend.DisposeAsync();
        await _redis.DisposeAsync();
        _tokens.Dispose();
    }
}
