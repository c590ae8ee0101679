using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.Integration.Flags;

/// <summary>
/// The throttle action (contract 2) on SQLite and PostgreSQL with a real Redis: the hash every
/// gateway obeys, with its expiry; the flag closes when it runs out; repeats last longer, and the
/// third within the repeat window is a suspension; staff reinstating lifts it.
/// </summary>
public sealed class ThrottleTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task RateLimitedAsync(MonitorFactory monitor, string clientId, int count) =>
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, Enumerable.Range(0, count).Select(_ =>
            StreamEvents.Entry(StreamEvents.Gateway(status: 429, decision: "refuse", reason: "rate-limit", clientId: clientId, time: monitor.Time.GetUtcNow()))));

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task TooManyRequests_Repeated_ThrottleSetEscalatedClosedThenSuspended(string backend)
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        var settings = await backends.NewSettingsAsync(backend);
        await using var monitor = new MonitorFactory(settings, DetectionSetup.Extra(settings, authServer,
            ("Detection:TooManyRequests:Threshold", "10"), ("Throttle:DurationSeconds", "60"), ("Throttle:PerSecond", "0.5"), ("Throttle:Burst", "3")));
        var app = DetectionSetup.NewClient("hammer");
        authServer.Register(app);
        using var staff = monitor.StaffClient();
        var redis = backends.RedisDatabase;
        var key = "patientaccess:throttle:" + app;

        await RateLimitedAsync(monitor, app, 9);
        Assert.True(await monitor.StoredAsync(9));
        Assert.False(await redis.KeyExistsAsync(key));
        await RateLimitedAsync(monitor, app, 1);
        Assert.True(await Eventually.TrueAsync(() => redis.KeyExistsAsync(key), Patience), "no throttle was set");
        Assert.Equal("0.5", (string?)await redis.HashGetAsync(key, "per_second"));
        Assert.Equal("3", (string?)await redis.HashGetAsync(key, "burst"));
        var ttl = await redis.KeyTimeToLiveAsync(key);
        Assert.InRange(ttl!.Value.TotalSeconds, 50, 60);
        var first = Assert.Single(await DetectionSetup.FlagsOfAsync(staff, app));
        Assert.Equal("throttle", (string?)first["action"]);
        Assert.Equal("open", (string?)first["state"]);
        Assert.Empty(authServer.Calls);

        // It runs out: the flag closes. (The monitor's clock moves; the Redis key's own expiry is Redis's.)
        monitor.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.True(await Eventually.TrueAsync(async () => (string?)(await DetectionSetup.FlagsOfAsync(staff, app)).Single()["state"] == "closed", Patience));

        // The second throttle lasts four times as long.
        await RateLimitedAsync(monitor, app, 10);
        Assert.True(await Eventually.TrueAsync(async () => (await DetectionSetup.FlagsOfAsync(staff, app, "?state=open")).Count == 1, Patience));
        Assert.InRange((await redis.KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 200, 240);
        Assert.Contains("throttle 2", (string?)(await DetectionSetup.FlagsOfAsync(staff, app, "?state=open")).Single()["explanation"], StringComparison.Ordinal);
        monitor.Time.Advance(TimeSpan.FromSeconds(241));
        Assert.True(await Eventually.TrueAsync(async () => (await DetectionSetup.FlagsOfAsync(staff, app, "?state=open")).Count == 0, Patience));

        // The third within a day is a suspension.
        await RateLimitedAsync(monitor, app, 10);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(authServer.StatusOf(app) == "suspended"), Patience));
        var third = (await DetectionSetup.FlagsOfAsync(staff, app, "?state=open")).Single();
        Assert.Equal("suspend", (string?)third["action"]);
        Assert.Equal("too-many-requests", (string?)third["detector"]);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Reinstate_ThrottledApp_ThrottleLiftedWithoutAnAuthServerCall(string backend)
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        var settings = await backends.NewSettingsAsync(backend);
        await using var monitor = new MonitorFactory(settings, DetectionSetup.Extra(settings, authServer, ("Detection:TooManyRequests:Threshold", "10")));
        var app = DetectionSetup.NewClient("hammer");
        authServer.Register(app);
        using var staff = monitor.StaffClient();
        var key = "patientaccess:throttle:" + app;
        await RateLimitedAsync(monitor, app, 10);
        Assert.True(await Eventually.TrueAsync(() => backends.RedisDatabase.KeyExistsAsync(key), Patience));

        using var response = await DetectionSetup.DecideAsync(staff, app, "reinstate", new { reason = "a retry bug, fixed" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.False(await backends.RedisDatabase.KeyExistsAsync(key));
        Assert.Empty(authServer.Calls);
        Assert.Equal("reinstated", (string?)(await DetectionSetup.FlagsOfAsync(staff, app)).Single()["state"]);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Throttle_RunsOut_RefusalsItCausedNotHeldAgainstTheAppAgain(string backend)
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        var settings = await backends.NewSettingsAsync(backend);
        // A throttle shorter than the window: at its end, the refusals it caused are still in the window.
        await using var monitor = new MonitorFactory(settings, DetectionSetup.Extra(settings, authServer,
            ("Detection:TooManyRequests:Threshold", "10"), ("Throttle:DurationSeconds", "30")));
        var app = DetectionSetup.NewClient("backed-off");
        using var staff = monitor.StaffClient();
        await RateLimitedAsync(monitor, app, 10);
        Assert.True(await Eventually.TrueAsync(async () => (await DetectionSetup.FlagsOfAsync(staff, app, "?state=open")).Count == 1, Patience));

        // While throttled, the app's ordinary pace above the tight limit is refused nine times.
        monitor.Time.Advance(TimeSpan.FromSeconds(5));
        await RateLimitedAsync(monitor, app, 9);
        Assert.True(await monitor.StoredAsync(20));
        monitor.Time.Advance(TimeSpan.FromSeconds(26));
        Assert.True(await Eventually.TrueAsync(async () => (await DetectionSetup.FlagsOfAsync(staff, app, "?state=open")).Count == 0, Patience));

        // One refusal after the end: the window restarted at the throttle's end, so 1, not 20.
        await RateLimitedAsync(monitor, app, 1);
        Assert.True(await monitor.StoredAsync(21));
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, app, "?state=open"));
        Assert.Single(await DetectionSetup.FlagsOfAsync(staff, app));
    }
}
