using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Tests.Integration.Reports;

/// <summary>
/// Contract 3: an app's successful reads and searches by resource type, for the developer portal,
/// opened by the staff key and by the read-only evidence key, which opens nothing else; SQLite and PostgreSQL.
/// </summary>
public sealed class AppReadsApiTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject[] Traffic() =>
    [
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}/{id}", resourceType: "Patient"),
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}/{id}/_history/{vid}", resourceType: "Patient"),
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}", resourceType: "ExplanationOfBenefit", queryShape: "_count,patient"),
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}", resourceType: "ExplanationOfBenefit"),
        StreamEvents.Gateway(method: "POST", clientId: "app-1", route: "/r4/{type}/_search", resourceType: "ExplanationOfBenefit", queryShape: "patient"),
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}", resourceType: "Coverage"),
        // Not reads that delivered data: refused, not found, a write attempt, metadata, another app.
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}", resourceType: "Coverage", status: 429, decision: "refuse", reason: "rate"),
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/{type}/{id}", resourceType: "Patient", status: 404),
        StreamEvents.Gateway(method: "PUT", clientId: "app-1", route: "/r4/{type}/{id}", resourceType: "Patient", status: 405, decision: "refuse", reason: "method"),
        StreamEvents.Gateway(clientId: "app-1", route: "/r4/metadata", resourceType: null),
        StreamEvents.Gateway(clientId: "app-2", route: "/r4/{type}", resourceType: "Coverage"),
    ];

    private async Task<MonitorFactory> MonitorWithTrafficAsync(string backend)
    {
        var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend), EvidenceKey.Settings);
        var events = Traffic();
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, events.Select(StreamEvents.Entry)
            .Append(StreamEvents.AuthServer("grant.approved", clientId: "app-1")));
        Assert.True(await monitor.StoredAsync(events.Length + 1));
        return monitor;
    }

    private static HttpClient Client(MonitorFactory monitor, string? key)
    {
        var client = monitor.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Reads_StaffOrEvidenceKey_CountsByResourceType(string backend)
    {
        await using var monitor = await MonitorWithTrafficAsync(backend);
        foreach (var key in new[] { StaffKey.Value, EvidenceKey.Value })
        {
            using var client = Client(monitor, key);
            using var response = await client.GetAsync(new Uri("/api/apps/app-1/reads", UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

            Assert.Equal("app-1", (string?)body["client_id"]);
            Assert.Equal(
                new Dictionary<string, long>(StringComparer.Ordinal) { ["Coverage"] = 1, ["ExplanationOfBenefit"] = 3, ["Patient"] = 2 },
                body["reads"]!.AsObject().ToDictionary(p => p.Key, p => (long)p.Value!, StringComparer.Ordinal));
            Assert.Equal(6, (long)body["total"]!);
        }

        using var staff = Client(monitor, StaffKey.Value);
        var none = JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/apps/no-such-app/reads", UriKind.Relative), Ct))!;
        Assert.Empty(none["reads"]!.AsObject());
        Assert.Equal(0, (long)none["total"]!);
    }

    /// <summary>A rebuild from the stored AuditEvents (read strictly by Firely) gives the same counts.</summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Reads_RebuiltFromStoredAuditEvents_SameCounts(string backend)
    {
        await using var monitor = await MonitorWithTrafficAsync(backend);
        var expected = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var connection = await monitor.Store.OpenAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT json FROM audit_events";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                var audit = StrictFhir.Parse<AuditEvent>(reader.GetString(0));
                var app = audit.Agent.Single(a => a.Requestor == true).Who?.Identifier?.Value;
                if (app != "app-1" || audit.Outcome != AuditEvent.AuditEventOutcome.N0 || audit.Subtype[0].Code is not ("read" or "vread" or "search-type" or "history-instance"))
                {
                    continue;
                }

                var target = audit.Entity[^1];
                var type = target.Query is { } query ? Encoding.UTF8.GetString(query).Split('?')[0] : target.Name;
                expected[type!] = expected.GetValueOrDefault(type!) + 1;
            }
        }

        using var client = Client(monitor, EvidenceKey.Value);
        var body = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/apps/app-1/reads", UriKind.Relative), Ct))!;

        Assert.Equal(expected, new SortedDictionary<string, long>(body["reads"]!.AsObject().ToDictionary(p => p.Key, p => (long)p.Value!), StringComparer.Ordinal));
    }

    /// <summary>The evidence key reads the counts and nothing else: every other endpoint, verb or path shape is 403.</summary>
    [Theory]
    [InlineData("GET", "/r4/AuditEvent")]
    [InlineData("GET", "/r4/AuditEvent/e-1")]
    [InlineData("GET", "/api/reports/usage?year=2026")]
    [InlineData("GET", "/api/reviews")]
    [InlineData("POST", "/api/apps/app-1/reinstate")]
    [InlineData("POST", "/api/apps/app-1/revoke")]
    [InlineData("POST", "/api/apps/app-1/reads")]
    [InlineData("GET", "/api/apps/app-1/reads/extra")]
    [InlineData("GET", "/api/apps/app-1/../../r4/AuditEvent")]
    [InlineData("GET", "/api/apps//reads")]
    [InlineData("GET", "/nothing-here")]
    public async Task EvidenceKey_AnywhereElse_Forbidden(string method, string path)
    {
        await using var monitor = await MonitorWithTrafficAsync(MonitorBackends.Sqlite);
        using var client = Client(monitor, EvidenceKey.Value);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST")
        {
            request.Content = new StringContent("{\"reason\":\"x\"}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("AuditEvent\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("unique_members", text, StringComparison.Ordinal);
    }

    /// <summary>No key, a wrong key, an app's token, the key's hash itself or another scheme: 401, never the counts.</summary>
    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vbml0b3ItdGVzdC1rZXkifQ.eyJjbGllbnRfaWQiOiJhcHAtMSJ9.c2ln")]
    [InlineData("Bearer HASH")]
    [InlineData("Basic EVIDENCE")]
    public async Task Reads_WithoutAKey_Unauthorized(string? header)
    {
        await using var monitor = await MonitorWithTrafficAsync(MonitorBackends.Sqlite);
        using var client = monitor.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/apps/app-1/reads", UriKind.Relative));
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header.Replace("HASH", EvidenceKey.Hash, StringComparison.Ordinal).Replace("EVIDENCE", EvidenceKey.Value, StringComparison.Ordinal));
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("ExplanationOfBenefit", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
