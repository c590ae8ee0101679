using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using Task = System.Threading.Tasks.Task;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.Integration.Api;

/// <summary>Staff search of the stored AuditEvents as FHIR, behind the staff key; SQLite and PostgreSQL.</summary>
public sealed class AuditEventApiTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<MonitorFactory> MonitorWithAsync(string backend, params JsonObject[] events)
    {
        var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, events.Select(StreamEvents.Entry));
        Assert.True(await monitor.StoredAsync(events.Length));
        return monitor;
    }

    private static async Task<Bundle> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/r4/AuditEvent" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(StrictFhir.IsFhirJson(response));
        var bundle = await StrictFhir.ReadAsync<Bundle>(response, Ct);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        return bundle;
    }

    private static List<string> Ids(Bundle bundle) => [.. bundle.Entry.Select(e => e.Resource!.Id!)];

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Search_EachParameter_OnlyMatchingEvents(string backend)
    {
        var now = DateTimeOffset.UtcNow;
        var read = StreamEvents.Gateway(id: "e-read", route: "/r4/{type}/{id}", clientId: "app-a", patient: "pat-1", time: now.AddDays(-3));
        var write = StreamEvents.Gateway(id: "e-write", method: "DELETE", route: "/r4/{type}/{id}", status: 405, decision: "refuse", reason: "method", clientId: "app-b", patient: "pat-2", time: now.AddDays(-2));
        var geo = StreamEvents.Gateway(id: "e-geo", status: 403, decision: "refuse", reason: "geo", clientId: null, member: null, patient: null, address: "193.0.6.139", country: "NL", time: now.AddDays(-1));
        await using var monitor = await MonitorWithAsync(backend, read, write, geo);
        using var client = monitor.StaffClient();

        Assert.Equal(["e-geo", "e-write", "e-read"], Ids(await SearchAsync(client, "")));
        Assert.Equal(["e-write"], Ids(await SearchAsync(client, "?agent=app-b")));
        Assert.Equal(["e-read"], Ids(await SearchAsync(client, "?patient=Patient/pat-1")));
        Assert.Equal(["e-geo", "e-write"], Ids(await SearchAsync(client, "?outcome=4")));
        Assert.Equal(["e-write"], Ids(await SearchAsync(client, "?subtype=delete")));
        Assert.Equal(["e-geo"], Ids(await SearchAsync(client, "?address=193.0.6")));
        Assert.Empty(Ids(await SearchAsync(client, "?address:exact=193.0.6")));
        var day = now.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["e-write"], Ids(await SearchAsync(client, $"?date={day}")));
        Assert.Equal(["e-geo", "e-write"], Ids(await SearchAsync(client, $"?date=ge{day}")));
        Assert.Equal(["e-read"], Ids(await SearchAsync(client, $"?date=lt{day}")));
        Assert.Equal(["e-write"], Ids(await SearchAsync(client, $"?date=ge{day}&outcome=4&agent=app-a,app-b")));
    }

    /// <summary>Keyset paging: following next links visits every event once, also when new events arrive between pages.</summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Search_FollowNextLinks_EveryEventOnceInOrder(string backend)
    {
        var now = DateTimeOffset.UtcNow;
        // Five share one millisecond: the storage order breaks the tie.
        var events = Enumerable.Range(0, 23).Select(i => StreamEvents.Gateway(id: $"p{i:00}", time: i < 5 ? now : now.AddSeconds(-i))).ToArray();
        await using var monitor = await MonitorWithAsync(backend, events);
        using var client = monitor.StaffClient();

        var seen = new List<string>();
        var bundle = await SearchAsync(client, "?_count=5");
        var pages = 1;
        while (true)
        {
            seen.AddRange(Ids(bundle));
            if (pages == 2)
            {
                // A new event (the newest) must not shift the following pages.
                await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, [StreamEvents.Entry(StreamEvents.Gateway(id: "late"))]);
                Assert.True(await monitor.StoredAsync(24));
            }

            if (bundle.NextLink is not { } next)
            {
                break;
            }

            Assert.Contains("_count=5", next.ToString(), StringComparison.Ordinal);
            bundle = await SearchAsync(client, next.Query);
            pages++;
        }

        Assert.Equal(5, pages);
        Assert.Equal(23, seen.Count);
        Assert.Equal(23, seen.Distinct().Count());
        Assert.DoesNotContain("late", seen);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Read_ById_TheAuditEventOr404(string backend)
    {
        await using var monitor = await MonitorWithAsync(backend, StreamEvents.Gateway(id: "one-event"));
        using var client = monitor.StaffClient();

        using var found = await client.GetAsync(new Uri("/r4/AuditEvent/one-event", UriKind.Relative), Ct);
        Assert.Equal("one-event", (await StrictFhir.ReadAsync<AuditEvent>(found, Ct)).Id);
        using var missing = await client.GetAsync(new Uri("/r4/AuditEvent/nope", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(OperationOutcome.IssueType.NotFound, (await StrictFhir.ReadAsync<OperationOutcome>(missing, Ct)).Issue[0].Code);
    }

    [Theory]
    [InlineData("?date=ne2026-01-01")]
    [InlineData("?date=soon")]
    [InlineData("?_count=5000")]
    [InlineData("?agnet=app-1")]
    [InlineData("?outcome=1")]
    [InlineData("?_cursor=x.y")]
    public async Task Search_BadParameter_400OperationOutcome(string query)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(MonitorBackends.Sqlite));
        using var client = monitor.StaffClient();

        using var response = await client.GetAsync(new Uri("/r4/AuditEvent" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var outcome = await StrictFhir.ReadAsync<OperationOutcome>(response, Ct);
        Assert.Equal(OperationOutcome.IssueType.Invalid, outcome.Issue[0].Code);
    }

    public static TheoryData<string> NotStaff => new()
    {
        string.Empty,
        "Bearer wrong-key",
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("staff:" + StaffKey.Value)),
        "Bearer " + StaffKey.Hash,
        // An app's access token (a signed JWT from the authserver's shape): never a staff credential.
        "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJjbGllbnRfaWQiOiJhcHAtMSIsInNjb3BlIjoicGF0aWVudC8qLnJlYWQifQ.c2ln",
    };

    [Theory]
    [MemberData(nameof(NotStaff))]
    public async Task AnyEndpoint_WithoutTheStaffKey_401OperationOutcome(string authorization)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(MonitorBackends.Sqlite));
        using var client = monitor.CreateClient();
        foreach (var path in new[] { "/r4/AuditEvent", "/r4/AuditEvent/x", "/anything", "/metrics", "/health/ready" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (authorization.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await client.SendAsync(request, Ct);

            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("login", (await StrictFhir.ReadAsync<OperationOutcome>(response, Ct)).Issue[0].Code.ToString()!.ToLowerInvariant());
        }
    }

    [Fact]
    public async Task Metrics_OnTheManagementPort_EventCountsLagAndPromtoolClean()
    {
        await using var monitor = await MonitorWithAsync(MonitorBackends.Sqlite, StreamEvents.Gateway(), StreamEvents.Gateway());
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, [[new("junk", "1")]]);
        using var management = monitor.Server.CreateManagementClient();

        string text = string.Empty;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            text = await management.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
            return text.Contains("patientaccess_monitor_audit_dead_letters_total 1", StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10)), text);
        Assert.Contains("patientaccess_monitor_audit_consumed_total 3", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_audit_stored_total 2", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_audit_duplicates_total 0", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_audit_lag_entries ", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_monitor_audit_lag_seconds ", text, StringComparison.Ordinal);
        var promtool = await Promtool.CheckMetricsAsync(text);
        Assert.True(promtool.Ok, promtool.Report);
    }
}
