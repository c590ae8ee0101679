using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.CrossProcess;

/// <summary>
/// Fifty threshold crossings against a real monitor process and a real redis-server: every one
/// ends in exactly one suspension call at the authserver (a listener following contract 1). The
/// time from appending the crossing event to the call arriving (the monitor's share of the issue's
/// crossing-to-refusal budget) is written to the test output for docs/performance.md; nothing is
/// asserted about it (the machine is shared).
/// </summary>
public sealed class DetectionLatencyCrossProcessTests : IAsyncLifetime
{
    private const int Trials = 50;
    private readonly string _data = Directory.CreateTempSubdirectory("pa-latency-").FullName;
    private RedisServer _redis = null!;
    private FakeAuthServer _authServer = null!;
    private ServiceProcess _monitor = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(durable: true);
        _authServer = await FakeAuthServer.StartAsync();
        var key = Path.Combine(_data, "admin.key");
        await File.WriteAllTextAsync(key, FakeAuthServer.AdminKey, TestContext.Current.CancellationToken);
        _monitor = ServiceProcess.Start(ServiceName.Monitor, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["Enforcement__AuthServerUrl"] = _authServer.Url,
            ["Enforcement__AdminKeyFile"] = key,
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

    [Fact]
    public async Task ThresholdCrossing_FiftyTrials_EachAppSuspendedExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var db = redis.GetDatabase();
        using var staff = new HttpClient { BaseAddress = _monitor.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey.Value);
        var latencies = new List<double>();
        for (var trial = 0; trial < Trials; trial++)
        {
            var app = DetectionSetup.NewClient("trial");
            _authServer.Register(app);
            StackExchange.Redis.NameValueEntry[] Attempt() => StreamEvents.Entry(StreamEvents.Gateway(method: "PUT", status: 405, decision: "refuse", reason: "method", clientId: app));
            await StreamEvents.AppendAsync(db, "patientaccess:audit", Enumerable.Range(0, 4).Select(_ => Attempt()));
            // The four are stored (and counted) before the crossing one is sent.
            Assert.True(await Eventually.TrueAsync(async () =>
                (await staff.GetStringAsync(new Uri($"/r4/AuditEvent?agent={app}&_count=10", UriKind.Relative), ct)).Split("\"resourceType\":\"AuditEvent\"").Length - 1 == 4,
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20)));

            var sent = Stopwatch.GetTimestamp();
            await db.StreamAddAsync("patientaccess:audit", Attempt());
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(_authServer.CallsFor(app).Count > 0), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(5)));
            var arrived = (long)_authServer.CallsFor(app).Single()["received_ticks"]!;
            latencies.Add(Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds);
        }

        Assert.Equal(Trials, _authServer.Calls.Count);
        Assert.All(_authServer.Calls, c => Assert.Equal("suspend", (string?)c["action"]));
        latencies.Sort();
        string At(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)].ToString("0.0", CultureInfo.InvariantCulture);
        TestContext.Current.SendDiagnosticMessage($"crossing event appended -> enforcement call at the authserver, {Trials} trials: p50 {At(0.5)} ms, p99 {At(0.99)} ms, max {latencies[^1].ToString("0.0", CultureInfo.InvariantCulture)} ms");
        TestContext.Current.TestOutputHelper?.WriteLine($"latency ms p50 {At(0.5)} p99 {At(0.99)} max {latencies[^1].ToString("0.0", CultureInfo.InvariantCulture)} (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
    }
}
