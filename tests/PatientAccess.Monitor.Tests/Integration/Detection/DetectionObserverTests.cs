using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Monitor.Detection;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Reviews;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.Integration.Detection;

/// <summary>
/// The detectors' windows in a real Redis: events out of order and duplicated count once each, a
/// clock skewed hours ahead counts at receive time and one hours behind not at all, two monitor
/// processes add to the same window, and a reinstatement starts the app's counts again.
/// </summary>
public sealed class DetectionObserverTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private async Task<MonitorFactory> MonitorAsync(FakeAuthServer authServer)
    {
        var settings = await backends.NewSettingsAsync(MonitorBackends.Sqlite);
        var monitor = new MonitorFactory(settings, DetectionSetup.Extra(settings, authServer));
        _ = monitor.Server;
        return monitor;
    }

    private static SourceEvent WriteAttempt(string clientId, DateTimeOffset at, string? id = null) => new()
    {
        Id = id ?? Guid.CreateVersion7().ToString("N"),
        Producer = SourceEvent.Gateway,
        Time = at,
        Type = "request",
        ClientId = clientId,
        Method = "PUT",
        Status = 405,
        Decision = "refuse",
        Reason = "method",
    };

    [Fact]
    public async Task Stream_DuplicatesAndOutOfOrder_EachEventCountedOnce()
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        await using var monitor = await MonitorAsync(authServer);
        var app = DetectionSetup.NewClient("writer");
        authServer.Register(app);
        var now = DateTimeOffset.UtcNow;
        // Four write attempts, newest first, each appended twice (a gateway spool replay): four, not eight.
        var events = Enumerable.Range(0, 4).Select(i => StreamEvents.Gateway(method: "PATCH", status: 405, decision: "refuse", reason: "method", clientId: app, time: now.AddSeconds(-10 * i))).ToList();
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, events.Concat(events).Select(StreamEvents.Entry));
        Assert.True(await monitor.StoredAsync(4));
        await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        using var staff = monitor.StaffClient();
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, app));

        // The fifth, stamped earlier than all the others, crosses: exactly five.
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey,
            [StreamEvents.Entry(StreamEvents.Gateway(method: "POST", route: "/r4/{type}", status: 405, decision: "refuse", reason: "method", clientId: app, time: now.AddSeconds(-200)))]);
        Assert.True(await Eventually.TrueAsync(async () => (await DetectionSetup.FlagsOfAsync(staff, app)).Count == 1, Patience));
        Assert.Equal(5, (long)(await DetectionSetup.FlagsOfAsync(staff, app)).Single()["evidence"]!["count"]!);
    }

    [Fact]
    public async Task Detect_ClockHoursAheadCountsAtReceiveTime_HoursBehindNotAtAll()
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        await using var monitor = await MonitorAsync(authServer);
        var observer = monitor.Services.GetRequiredService<DetectionObserver>();
        var now = DateTimeOffset.UtcNow;
        var behind = DetectionSetup.NewClient("behind");
        var ahead = DetectionSetup.NewClient("ahead");

        var early = Enumerable.Range(0, 4).Select(_ => WriteAttempt(behind, now)).Append(WriteAttempt(behind, now.AddHours(-3))).ToList();
        Assert.Empty(await observer.DetectAsync(early, now));

        var late = Enumerable.Range(0, 4).Select(_ => WriteAttempt(ahead, now)).Append(WriteAttempt(ahead, now.AddHours(3))).ToList();
        var crossing = Assert.Single(await observer.DetectAsync(late, now));
        Assert.Equal(5, crossing.Evidence.Count);
        // Counted at receive time: the window ends now, not three hours from now.
        Assert.Equal(now.ToUnixTimeSeconds(), crossing.Evidence.WindowEnd.ToUnixTimeSeconds());
        Assert.Equal(5, crossing.Evidence.SampleEventIds.Count);
    }

    [Fact]
    public async Task Detect_TwoMonitorProcesses_AddToTheSameWindow()
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        await using var first = await MonitorAsync(authServer);
        await using var second = await MonitorAsync(authServer);
        var app = DetectionSetup.NewClient("shared");
        var now = DateTimeOffset.UtcNow;

        Assert.Empty(await first.Services.GetRequiredService<DetectionObserver>().DetectAsync([.. Enumerable.Range(0, 3).Select(_ => WriteAttempt(app, now))], now));
        var crossing = Assert.Single(await second.Services.GetRequiredService<DetectionObserver>().DetectAsync([.. Enumerable.Range(0, 2).Select(_ => WriteAttempt(app, now))], now));
        Assert.Equal(5, crossing.Evidence.Count);
    }

    [Fact]
    public async Task Detect_AfterReinstatement_OnlyLaterEventsCount()
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        await using var monitor = await MonitorAsync(authServer);
        var observer = monitor.Services.GetRequiredService<DetectionObserver>();
        var windows = monitor.Services.GetRequiredService<WindowStore>();
        var app = DetectionSetup.NewClient("reinstated");
        var now = DateTimeOffset.UtcNow;
        Assert.Empty(await observer.DetectAsync([.. Enumerable.Range(0, 4).Select(_ => WriteAttempt(app, now.AddSeconds(-20)))], now));

        await windows.SetEpochAsync(app, DetectorNames.All, now.AddSeconds(-10));

        // Four before and a late one from before the reinstatement: none of it counts any more.
        Assert.Empty(await observer.DetectAsync([WriteAttempt(app, now.AddSeconds(-15))], now));
        Assert.Empty(await observer.DetectAsync([.. Enumerable.Range(0, 4).Select(_ => WriteAttempt(app, now))], now));
        var crossing = Assert.Single(await observer.DetectAsync([WriteAttempt(app, now)], now));
        Assert.Equal(5, crossing.Evidence.Count);
    }

    [Fact]
    public async Task Detect_ErraticShareAcrossBatches_FlaggedWhenTheErrorsArrive()
    {
        await using var authServer = await FakeAuthServer.StartAsync();
        await using var monitor = await MonitorAsync(authServer);
        var observer = monitor.Services.GetRequiredService<DetectionObserver>();
        var app = DetectionSetup.NewClient("erratic");
        var now = DateTimeOffset.UtcNow;
        SourceEvent Answer(int status) => new()
        {
            Id = Guid.CreateVersion7().ToString("N"), Producer = SourceEvent.Gateway, Time = now, Type = "request", ClientId = app,
            Method = "GET", Route = "/r4/{type}/{id}", ResourceType = "Claim", Status = status, Decision = status == 200 ? "allow" : "refuse",
            Reason = status == 200 ? null : "compartment",
        };

        Assert.Empty(await observer.DetectAsync([.. Enumerable.Range(0, 30).Select(_ => Answer(200))], now));
        Assert.Empty(await observer.DetectAsync([.. Enumerable.Range(0, 29).Select(_ => Answer(404))], now));
        var crossing = Assert.Single(await observer.DetectAsync([Answer(404)], now));
        Assert.Equal("erratic", crossing.Detector);
        Assert.Equal(30, crossing.Evidence.Count);
        Assert.Equal(60, crossing.Evidence.Total);
    }
}
