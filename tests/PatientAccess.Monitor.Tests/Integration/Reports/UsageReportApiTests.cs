using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hl7.Fhir.Model;
using PatientAccess.Monitor.Reports;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using Task = System.Threading.Tasks.Task;

namespace PatientAccess.Monitor.Tests.Integration.Reports;

/// <summary>
/// The CMS-0057-F usage report over events stored by the real consumer, on SQLite and PostgreSQL:
/// the counts a person checks by hand, the same numbers when recomputed from the stored AuditEvents
/// themselves (read back strictly with Firely), CSV, the command line, and every kind of bad input.
/// </summary>
public sealed class UsageReportApiTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(string time) => DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);

    /// <summary>March 2026: A once, B on two days, C by two apps, F inside at the last millisecond; the rest must not count.</summary>
    private static JsonObject[] March() =>
    [
        .. Enumerable.Range(0, 5).Select(i => StreamEvents.Gateway(patient: "pat-A", clientId: "app-1", time: At("2026-03-02T10:00:00Z").AddMinutes(i))),
        StreamEvents.Gateway(patient: "pat-B", clientId: "app-1", route: "/r4/{type}/{id}", time: At("2026-03-03T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-B", clientId: "app-1", time: At("2026-03-04T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-C", clientId: "app-1", time: At("2026-03-05T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-C", clientId: "app-2", time: At("2026-03-05T11:00:00Z")),
        StreamEvents.Gateway(patient: "pat-F", clientId: "app-1", time: At("2026-03-31T23:59:59.999Z")),
        StreamEvents.Gateway(patient: "pat-F", clientId: "app-1", time: At("2026-04-01T00:00:00Z")),
        StreamEvents.Gateway(patient: "pat-F", clientId: "app-1", time: At("2026-03-31T20:00:00-05:00")),
        StreamEvents.Gateway(patient: "pat-G", clientId: "app-1", time: At("2026-02-28T23:59:59.999Z")),
        StreamEvents.Gateway(patient: "pat-D", clientId: "app-1", status: 429, decision: "refuse", reason: "rate", time: At("2026-03-06T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-D", clientId: "app-1", method: "DELETE", route: "/r4/{type}/{id}", status: 405, decision: "refuse", reason: "method", time: At("2026-03-06T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-D", clientId: "app-1", route: "/r4/{type}/{id}", status: 404, time: At("2026-03-06T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-E", clientId: "app-1", route: "/r4/metadata", resourceType: null, time: At("2026-03-07T10:00:00Z")),
        StreamEvents.Gateway(patient: "pat-H", clientId: null, time: At("2026-03-07T10:00:00Z")),
    ];

    private async Task<MonitorFactory> MonitorWithMarchAsync(string backend)
    {
        var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend), EvidenceKey.Settings);
        var events = March();
        var entries = events.Select(StreamEvents.Entry).Append(StreamEvents.AuthServer("grant.approved", clientId: "app-1", member: "acct-Z", time: At("2026-03-08T10:00:00Z")));
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, entries);
        Assert.True(await monitor.StoredAsync(events.Length + 1));
        return monitor;
    }

    private static async Task<JsonObject> ReportAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/reports/usage" + query, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Usage_March_UniqueMembersAndMembersMoreThanOnce(string backend)
    {
        await using var monitor = await MonitorWithMarchAsync(backend);
        using var client = monitor.StaffClient();

        var report = await ReportAsync(client, "?from=2026-03-01&to=2026-03-31");

        Assert.Equal("2026-03-01", (string?)report["from"]);
        Assert.Equal("2026-03-31", (string?)report["to"]);
        Assert.Equal(4, (long)report["unique_members"]!);
        Assert.Equal(2, (long)report["members_more_than_once"]!);
        Assert.Equal(6, (long)report["transfers"]!);
        Assert.Equal(10, (long)report["requests"]!);
        // One day: only C's two apps make "more than once".
        var day = await ReportAsync(client, "?from=2026-03-05&to=2026-03-05");
        Assert.Equal((1L, 1L), ((long)day["unique_members"]!, (long)day["members_more_than_once"]!));
        // The calendar year: G (February) counts, and F's April 1st reads (one at 01:00 UTC, written
        // with a -05:00 offset) make a second day for F.
        var year = await ReportAsync(client, "?year=2026");
        Assert.Equal((5L, 3L), ((long)year["unique_members"]!, (long)year["members_more_than_once"]!));
    }

    /// <summary>A rebuild from the stored AuditEvents (each read strictly by Firely) gives the numbers the SQL gave.</summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Usage_RebuiltFromStoredAuditEvents_SameNumbers(string backend)
    {
        await using var monitor = await MonitorWithMarchAsync(backend);
        using var client = monitor.StaffClient();
        var stored = new List<AuditEvent>();
        await using (var connection = await monitor.Store.OpenAsync(Ct))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT json FROM audit_events";
            await using var reader = await command.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                stored.Add(StrictFhir.Parse<AuditEvent>(reader.GetString(0)));
            }
        }

        foreach (var (from, to) in new[] { ("2026-03-01", "2026-03-31"), ("2026-03-05", "2026-03-05"), ("2026-01-01", "2026-12-31"), ("2026-02-28", "2026-03-03") })
        {
            var period = UsagePeriod.Parse(from, to, null).Period!;
            var transfers = stored
                .Where(a => a.Recorded >= At(from + "T00:00:00Z") && a.Recorded < At(to + "T00:00:00Z").AddDays(1))
                .Where(a => a.Outcome == AuditEvent.AuditEventOutcome.N0 && UsageReportQuery.DataSubtypes.Contains(a.Subtype[0].Code))
                .Select(a => (
                    Patient: a.Agent.SingleOrDefault(g => g.Requestor == false)?.Who?.Reference,
                    App: a.Agent.Single(g => g.Requestor == true).Who?.Identifier?.Value,
                    Day: a.Recorded!.Value.UtcDateTime.Date))
                .Where(t => t.Patient is not null && t.App is not null)
                .ToList();
            var perMember = transfers.Distinct().GroupBy(t => t.Patient).ToList();

            var report = await ReportAsync(client, $"?from={from}&to={to}");

            Assert.Equal(perMember.Count, (long)report["unique_members"]!);
            Assert.Equal(perMember.Count(g => g.Count() > 1), (long)report["members_more_than_once"]!);
            Assert.Equal(transfers.Count, (long)report["requests"]!);
            Assert.True(period.From <= period.To);
        }
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Usage_CsvAndCommandLine_SameNumbersAsJson(string backend)
    {
        var settings = await backends.NewSettingsAsync(backend);
        await using var monitor = new MonitorFactory(settings, EvidenceKey.Settings);
        var events = March();
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, events.Select(StreamEvents.Entry));
        Assert.True(await monitor.StoredAsync(events.Length));
        using var client = monitor.StaffClient();

        using var csv = await client.GetAsync(new Uri("/api/reports/usage?from=2026-03-01&to=2026-03-31&format=csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync(Ct);
        Assert.Equal("from,to,unique_members,members_more_than_once,transfers,requests\r\n2026-03-01,2026-03-31,4,2,6,10\r\n", text);

        string[] database = [$"--Database:Provider={settings["Database:Provider"]}", $"--Database:ConnectionString={settings.GetValueOrDefault("Database:ConnectionString")}",
            $"--Service:DataDirectory={settings["Service:DataDirectory"]}"];
        var (exit, output, _) = await RunCommandAsync(["report", "usage", "--from", "2026-03-01", "--to", "2026-03-31", "--format", "csv", .. database]);
        Assert.Equal((0, text), (exit, output));
        (exit, output, _) = await RunCommandAsync(["report", "usage", "--year", "2026", .. database]);
        Assert.Equal(0, exit);
        var json = JsonNode.Parse(output)!;
        Assert.Equal((5L, 3L), ((long)json["unique_members"]!, (long)json["members_more_than_once"]!));
        var (bad, _, error) = await RunCommandAsync(["report", "usage", "--from", "2026-04-01", "--to", "2026-03-01", .. database]);
        Assert.Equal((2, "from is after to"), (bad, error.Trim()));
    }

    [Theory]
    [InlineData("", "from and to are required")]
    [InlineData("?from=2026-03-01", "from and to are required")]
    [InlineData("?from=2026-02-30&to=2026-03-01", "from is not a date")]
    [InlineData("?from=2026-03-01&to=03/31/2026", "to is not a date")]
    [InlineData("?from=2026-04-01&to=2026-03-01", "from is after to")]
    [InlineData("?from=2016-01-01&to=2026-01-01", "longer than 10 years")]
    [InlineData("?year=26", "year must be a calendar year")]
    [InlineData("?year=2026&from=2026-01-01&to=2026-01-02", "either year or from and to")]
    [InlineData("?year=2026&format=xml", "format must be json or csv")]
    [InlineData("?year=2026&year=2025", "once")]
    [InlineData("?year=2026&patient=x", "unknown parameter: patient")]
    public async Task Usage_BadInput_400ProblemNamingIt(string query, string message)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(MonitorBackends.Sqlite));
        using var client = monitor.StaffClient();

        using var response = await client.GetAsync(new Uri("/api/reports/usage" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
        Assert.Contains(message, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(EvidenceKey.Value)]
    [InlineData("eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vbml0b3ItdGVzdC1rZXkifQ.eyJjbGllbnRfaWQiOiJhcHAtMSJ9.c2ln")]
    public async Task Usage_WithoutTheStaffKey_Refused(string? key)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(MonitorBackends.Sqlite), EvidenceKey.Settings);
        using var client = monitor.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.GetAsync(new Uri("/api/reports/usage?year=2026", UriKind.Relative), Ct);

        Assert.Equal(key == EvidenceKey.Value ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("unique_members", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunCommandAsync(string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await ReportCommand.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
