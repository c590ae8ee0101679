using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.CrossProcess;

/// <summary>
/// Contract 1 end to end between real processes: a monitor process flags a demo app from events
/// written to a real redis-server and has the real authserver suspend it through its enforcement
/// endpoint (the five steps recorded on the flag); the other demo app is untouched; staff reinstate it
/// through the monitor and the authserver has it active again.
/// </summary>
public sealed class EnforcementCrossProcessTests : IAsyncLifetime
{
    private const string Misbehaving = "demo-confidential-app";
    private const string WellBehaved = "demo-public-app";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("pa-enforce-").FullName;
    private RedisServer _redis = null!;
    private ServiceProcess _authServer = null!;
    private ServiceProcess _monitor = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync(durable: true);
        _authServer = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "authserver")).FullName,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
        });
        var monitorData = Directory.CreateDirectory(Path.Combine(_data, "monitor")).FullName;
        var keyFile = Path.Combine(monitorData, "admin.key");
        await File.WriteAllTextAsync(keyFile, TestKeys.Admin, Ct);
        _monitor = ServiceProcess.Start(ServiceName.Monitor, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = monitorData,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["Enforcement__AuthServerUrl"] = _authServer.BaseAddress.ToString(),
            ["Enforcement__AdminKeyFile"] = keyFile,
        });
        foreach (var (process, name) in new[] { (_authServer, "authserver"), (_monitor, "monitor") })
        {
            if (!await process.WaitReadyAsync(TimeSpan.FromSeconds(180)))
            {
                throw new InvalidOperationException($"the {name} did not become ready:\n{process.Output}");
            }
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

    private async Task<string?> StatusAtAuthServerAsync(string clientId)
    {
        using var admin = new HttpClient { BaseAddress = _authServer.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        var client = JsonNode.Parse(await admin.GetStringAsync(new Uri("/admin/clients/" + clientId, UriKind.Relative), Ct))!;
        return (string?)client["status"];
    }

    [Fact]
    public async Task WriteAttempts_RealAuthServer_SuspendedWithItsStepsThenReinstatedByStaff()
    {
        Assert.Equal("production", await StatusAtAuthServerAsync(Misbehaving));
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        var events = Enumerable.Range(0, 30).Select(_ => StreamEvents.Gateway(clientId: WellBehaved))
            .Concat(Enumerable.Range(0, 5).Select(_ => StreamEvents.Gateway(method: "DELETE", status: 405, decision: "refuse", reason: "method", clientId: Misbehaving)));
        await StreamEvents.AppendAsync(redis.GetDatabase(), "patientaccess:audit", events.Select(StreamEvents.Entry));

        Assert.True(await Eventually.TrueAsync(async () => await StatusAtAuthServerAsync(Misbehaving) == "suspended", Patience),
            "the authserver never suspended the app:\n" + _monitor.Output);
        using var staff = new HttpClient { BaseAddress = _monitor.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey.Value);
        JsonObject? flag = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            flag = (await DetectionSetup.FlagsOfAsync(staff, Misbehaving, "?state=open")).SingleOrDefault();
            return flag?["steps"]!.AsArray().Count == 5;
        }, Patience), "the flag has no steps:\n" + _monitor.Output);
        Assert.Equal(["credentials", "tokens", "member_emails", "contact_emails", "gallery"], flag!["steps"]!.AsArray().Select(s => (string?)s!["name"]));
        Assert.DoesNotContain(flag["steps"]!.AsArray(), s => (string?)s!["state"] == "failed");
        Assert.Equal("production", await StatusAtAuthServerAsync(WellBehaved));
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, WellBehaved));

        using var response = await DetectionSetup.DecideAsync(staff, Misbehaving, "reinstate", new { reason = "the developer removed the write calls" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("production", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["status"]);
        Assert.Equal("production", await StatusAtAuthServerAsync(Misbehaving));
    }
}
