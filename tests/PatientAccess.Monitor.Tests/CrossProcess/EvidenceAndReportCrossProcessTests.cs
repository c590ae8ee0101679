using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Tests.CrossProcess;

/// <summary>
/// Across real processes: the monitor as run.sh starts it (its evidence key's hash in the
/// environment) answers the authserver's call for an app's reads and refuses that key elsewhere;
/// the report command, a second process on the same database, prints the numbers the API answers.
/// </summary>
public sealed class EvidenceAndReportCrossProcessTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MonitorProcess_EvidenceKeyAndReportCommand_SameNumbersAsTheApi()
    {
        var data = Directory.CreateTempSubdirectory("pa-monitor-evidence-").FullName;
        var stream = "audit-" + Guid.NewGuid().ToString("N")[..12];
        await using var monitor = ServiceProcess.Start(ServiceName.Monitor, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = data,
            ["Redis__ConnectionString"] = backends.Redis.ConnectionString,
            ["Audit__StreamKey"] = stream,
            ["Audit__PollMilliseconds"] = "20",
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["Staff__EvidenceKeyHashes__0"] = EvidenceKey.Hash,
        });
        Assert.True(await monitor.WaitReadyAsync(TimeSpan.FromSeconds(90)), monitor.Output);
        var day = DateTimeOffset.Parse("2026-05-04T12:00:00Z", CultureInfo.InvariantCulture);
        await StreamEvents.AppendAsync(backends.RedisDatabase, stream,
        [
            StreamEvents.Entry(StreamEvents.Gateway(clientId: "app-1", patient: "pat-1", resourceType: "Coverage", time: day)),
            StreamEvents.Entry(StreamEvents.Gateway(clientId: "app-1", patient: "pat-1", route: "/r4/{type}/{id}", resourceType: "Patient", time: day.AddDays(1))),
            StreamEvents.Entry(StreamEvents.Gateway(clientId: "app-1", patient: "pat-2", resourceType: "Coverage", time: day)),
        ]);
        using var evidence = new HttpClient { BaseAddress = monitor.BaseAddress };
        evidence.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EvidenceKey.Value);

        JsonNode? reads = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            reads = JsonNode.Parse(await evidence.GetStringAsync(new Uri("/api/apps/app-1/reads", UriKind.Relative), Ct));
            return (long)reads!["total"]! == 3;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100)), monitor.Output);
        Assert.Equal((2L, 1L), ((long)reads!["reads"]!["Coverage"]!, (long)reads["reads"]!["Patient"]!));
        using var forbidden = await evidence.GetAsync(new Uri("/r4/AuditEvent", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var staff = new HttpClient { BaseAddress = monitor.BaseAddress };
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey.Value);
        var api = await staff.GetStringAsync(new Uri("/api/reports/usage?year=2026&format=csv", UriKind.Relative), Ct);
        Assert.Equal("from,to,unique_members,members_more_than_once,transfers,requests\r\n2026-01-01,2026-12-31,2,1,3,3\r\n", api);

        var dll = Path.Combine(RepoPaths.ServiceOutput(ServiceName.Monitor.Folder, ServiceName.Monitor.Project), ServiceName.Monitor.Project + ".dll");
        var (exit, output) = await ExternalTool.RunAsync("dotnet", [dll, "report", "usage", "--year", "2026", "--format", "csv", $"--Service:DataDirectory={data}"],
            timeout: TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, output);
        Assert.Equal(api, output);
        var (bad, message) = await ExternalTool.RunAsync("dotnet", [dll, "report", "usage", "--from", "2026-13-01", "--to", "2026-12-31"], timeout: TimeSpan.FromMinutes(2));
        Assert.Equal(2, bad);
        Assert.Contains("from is not a date", message, StringComparison.Ordinal);
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
