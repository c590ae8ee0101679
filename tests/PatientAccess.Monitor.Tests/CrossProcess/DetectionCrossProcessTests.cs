using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.CrossProcess;

/// <summary>
/// Detection across real processes: a monitor process reads events a test writes to a real
/// redis-server, flags the app that crossed a threshold and has it suspended over HTTP by an
/// authserver that follows contract 1 (a separate listener); the review API, the metrics and a staff
/// reinstatement are checked from outside, as staff and Prometheus see them.
/// </summary>
public sealed class DetectionCrossProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("pa-detect-").FullName;
    private RedisServer _redis = null!;
    private FakeAuthServer _authServer = null!;
    private ServiceProcess _monitor = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(durable: true);
        _authServer = await FakeAuthServer.StartAsync();
        var secrets = Directory.CreateDirectory(Path.Combine(_data, "secrets"));
        await File.WriteAllTextAsync(Path.Combine(secrets.FullName, "admin.key"), FakeAuthServer.AdminKey, Ct);
        _monitor = ServiceProcess.Start(ServiceName.Monitor, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["Enforcement__AuthServerUrl"] = _authServer.Url,
            ["Enforcement__AdminKeyFile"] = Path.Combine(secrets.FullName, "admin.key"),
        });
        if (!await _monitor.WaitReadyAsync(TimeSpan.FromSeconds(120)))
        {
            throw new InvalidOperationException("the monitor did not become ready:\n" + _monitor.Output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _monitor.DisposeAsync();
        await _authServer.DisposeAsync();
        await _redis.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private HttpClient Staff()
    {
        var client = new HttpClient { BaseAddress = _monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey.Value);
        return client;
    }

    private async Task<string> MetricsAsync()
    {
        using var client = new HttpClient { BaseAddress = _monitor.ManagementAddress };
        return await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
    }

    [Fact]
    public async Task WriteAttempts_ThroughRedis_FlaggedSuspendedReviewedAndReinstated()
    {
        var bad = DetectionSetup.NewClient("writer");
        var good = DetectionSetup.NewClient("reader");
        _authServer.Register(bad);
        _authServer.Register(good);
        // Before any flag every detector's and action's series is there at 0 (so rate() sees the first flag).
        var before = await MetricsAsync();
        Assert.Contains("patientaccess_monitor_detections_total{detector=\"token-abuse\"} 0", before, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_actions_total{action=\"revoke\"} 0", before, StringComparison.Ordinal);
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var db = redis.GetDatabase();
        var events = Enumerable.Range(0, 30).Select(_ => StreamEvents.Gateway(clientId: good))
            .Concat(Enumerable.Range(0, 5).Select(_ => StreamEvents.Gateway(method: "PUT", status: 405, decision: "refuse", reason: "method", clientId: bad)));
        await StreamEvents.AppendAsync(db, "patientaccess:audit", events.Select(StreamEvents.Entry));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(_authServer.StatusOf(bad) == "suspended"), Patience), "not suspended:\n" + _monitor.Output);
        using var staff = Staff();
        var flag = Assert.Single(await DetectionSetup.FlagsOfAsync(staff, bad, "?state=open"));
        Assert.Equal("write-attempts", (string?)flag["detector"]);
        Assert.Equal("suspended", _authServer.StatusOf(bad));
        Assert.Empty(_authServer.CallsFor(good));
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, good));
        // The gauges follow the flag table at the review upkeep's next tick (about a second).
        var metrics = string.Empty;
        await Eventually.TrueAsync(async () => (metrics = await MetricsAsync()).Contains($"patientaccess_monitor_app_flagged{{client_id=\"{bad}\"}} 1", StringComparison.Ordinal), Patience);
        Assert.Contains("patientaccess_monitor_detections_total{detector=\"write-attempts\"}", metrics, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_actions_total{action=\"suspend\"}", metrics, StringComparison.Ordinal);
        Assert.Contains($"patientaccess_monitor_app_flagged{{client_id=\"{bad}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_review_queue_size 1", metrics, StringComparison.Ordinal);

        using var response = await DetectionSetup.DecideAsync(staff, bad, "reinstate", new { reason = "reviewed with the developer" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("production", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["status"]);
        Assert.Equal("production", _authServer.StatusOf(bad));
        Assert.True(await Eventually.TrueAsync(async () => (await MetricsAsync()).Contains($"patientaccess_monitor_app_flagged{{client_id=\"{bad}\"}} 0", StringComparison.Ordinal), Patience));
        Assert.Contains("patientaccess_monitor_review_queue_size 0", await MetricsAsync(), StringComparison.Ordinal);
    }
}
