using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.Integration.Flags;

/// <summary>
/// Contract 4 on SQLite and PostgreSQL with a real Redis: the review API behind the staff key only,
/// its bad input (400 without a reason, 404 unknown app, 409 wrong state), and staff decisions
/// carried out at an authserver that follows contract 1 (<see cref="FakeAuthServer"/>).
/// </summary>
public sealed class ReviewApiTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(MonitorFactory Monitor, FakeAuthServer AuthServer)> StartAsync(string backend, params (string Key, string Value)[] more)
    {
        var authServer = await FakeAuthServer.StartAsync();
        var settings = await backends.NewSettingsAsync(backend);
        var monitor = new MonitorFactory(settings, DetectionSetup.Extra(settings, authServer, more));
        _ = monitor.Server;
        return (monitor, authServer);
    }

    /// <summary>Five refused writes by <paramref name="clientId"/> (the default threshold), stamped <paramref name="at"/>.</summary>
    private async Task WriteAttemptsAsync(MonitorFactory monitor, string clientId, int count = 5, DateTimeOffset? at = null) =>
        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, Enumerable.Range(0, count).Select(_ =>
            StreamEvents.Entry(StreamEvents.Gateway(method: "DELETE", route: "/r4/{type}/{id}", status: 405, decision: "refuse", reason: "method", clientId: clientId, time: at))));

    /// <summary>The app's flag in <paramref name="state"/>; for an open suspension, once the authserver's steps are recorded on it.</summary>
    private static async Task<JsonObject> FlaggedAsync(HttpClient staff, string clientId, string state)
    {
        JsonObject? flag = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            flag = (await DetectionSetup.FlagsOfAsync(staff, clientId)).FirstOrDefault(f => (string?)f["state"] == state
                && (state != "open" || (string?)f["action"] != "suspend" || f["steps"]!.AsArray().Count > 0));
            return flag is not null;
        }, Patience), $"{clientId} has no {state} flag");
        return flag!;
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task ReviewApi_WithoutStaffKeyOrWithAnAppToken_401(string backend)
    {
        var (monitor, authServer) = await StartAsync(backend);
        await using var _ = monitor;
        await using var __ = authServer;
        await using var issuer = await TokenIssuer.StartAsync();
        var app = DetectionSetup.NewClient("app");
        foreach (var client in new[] { monitor.CreateClient(), DetectionSetup.WithBearer(monitor.CreateClient(), issuer.Create(app, "pat-1")), DetectionSetup.WithBearer(monitor.CreateClient(), "not-the-staff-key") })
        {
            using (client)
            {
                using var list = await client.GetAsync(new Uri("/api/reviews", UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
                using var reinstate = await DetectionSetup.DecideAsync(client, app, "reinstate", new { reason = "let it go" });
                Assert.Equal(HttpStatusCode.Unauthorized, reinstate.StatusCode);
                using var revoke = await DetectionSetup.DecideAsync(client, app, "revoke", new { reason = "stop it" });
                Assert.Equal(HttpStatusCode.Unauthorized, revoke.StatusCode);
            }
        }

        Assert.Empty(authServer.Calls);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task WriteAttempts_CrossThreshold_SuspendedOnceListedAndAudited(string backend)
    {
        var (monitor, authServer) = await StartAsync(backend);
        await using var _ = monitor;
        await using var __ = authServer;
        var bad = DetectionSetup.NewClient("writer");
        var good = DetectionSetup.NewClient("reader");
        authServer.Register(bad);
        authServer.Register(good);
        using var staff = monitor.StaffClient();

        await StreamEvents.AppendAsync(backends.RedisDatabase, monitor.StreamKey, Enumerable.Range(0, 20).Select(_ => StreamEvents.Entry(StreamEvents.Gateway(clientId: good))));
        await WriteAttemptsAsync(monitor, bad, 4);
        Assert.True(await monitor.StoredAsync(24));
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, bad));
        await WriteAttemptsAsync(monitor, bad, 1);

        var flag = await FlaggedAsync(staff, bad, "open");
        Assert.Equal("write-attempts", (string?)flag["detector"]);
        Assert.Equal("suspend", (string?)flag["action"]);
        Assert.Equal("critical", (string?)flag["severity"]);
        Assert.Equal(5, (long)flag["evidence"]!["count"]!);
        Assert.Equal(300, (int)flag["evidence"]!["window_seconds"]!);
        Assert.Equal(5, flag["steps"]!.AsArray().Count);
        Assert.Equal("suspended", authServer.StatusOf(bad));
        var call = Assert.Single(authServer.CallsFor(bad));
        Assert.Equal("monitor", (string?)call["actor"]);
        Assert.Equal("write-attempts", (string?)call["detector"]);
        Assert.True(Guid.TryParse((string?)call["action_id"], out var actionId) && actionId != Guid.Empty);
        Assert.Contains("5 refused write attempts", (string?)call["evidence"], StringComparison.Ordinal);

        // The samples are stored AuditEvents staff can open.
        var sample = (string)flag["evidence"]!["sample_event_ids"]!.AsArray()[0]!;
        using (var read = await staff.GetAsync(new Uri("/r4/AuditEvent/" + sample, UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // A second crossing while the flag is open adds evidence, not a second action.
        await WriteAttemptsAsync(monitor, bad, 3);
        // 25 requests, the flag's own AuditEvent, 3 more.
        Assert.True(await monitor.StoredAsync(29));
        Assert.True(await Eventually.TrueAsync(async () => (long)(await FlaggedAsync(staff, bad, "open"))["evidence"]!["count"]! == 8, Patience));
        Assert.Single(authServer.CallsFor(bad));
        Assert.Single(await DetectionSetup.FlagsOfAsync(staff, bad));

        // The well-behaved app is untouched; the flag is an AuditEvent of its own.
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, good));
        Assert.Empty(authServer.CallsFor(good));
        using var audit = await staff.GetAsync(new Uri($"/r4/AuditEvent?agent={bad}&subtype=flag.opened", UriKind.Relative), Ct);
        Assert.Contains("write-attempts", await audit.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Reinstate_BadInputThenStaffDecision_CarriedOutRecordedAndNotReflaggedForOldEvidence(string backend)
    {
        var (monitor, authServer) = await StartAsync(backend);
        await using var _ = monitor;
        await using var __ = authServer;
        var app = DetectionSetup.NewClient("writer");
        authServer.Register(app);
        using var staff = monitor.StaffClient();
        await WriteAttemptsAsync(monitor, app);
        var flag = await FlaggedAsync(staff, app, "open");

        using (var noBody = await DetectionSetup.DecideAsync(staff, app, "reinstate", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
            Assert.Equal("application/problem+json", noBody.Content.Headers.ContentType?.MediaType);
        }

        foreach (var body in new object[] { new { reason = "" }, new { reason = "   " }, new { reason = new string('x', 501) }, new { why = "no reason field" }, new { reason = 5 }, new { reason = "a\tb" } })
        {
            using var bad = await DetectionSetup.DecideAsync(staff, app, "reinstate", body);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var unknown = await DetectionSetup.DecideAsync(staff, "no-such-app", "reinstate", new { reason = "checked" }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        Assert.DoesNotContain(authServer.CallsFor(app), c => (string?)c["action"] == "reinstate");
        using (var ok = await DetectionSetup.DecideAsync(staff, app, "reinstate", new { reason = "the developer fixed their SDK" }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            var answer = JsonNode.Parse(await ok.Content.ReadAsStringAsync(Ct))!;
            Assert.Equal(app, (string?)answer["client_id"]);
            Assert.Equal("production", (string?)answer["status"]);
        }

        var call = authServer.CallsFor(app).Single(c => (string?)c["action"] == "reinstate");
        Assert.Matches("^staff:[0-9a-f]{8}$", (string?)call["actor"]);
        Assert.Equal("the developer fixed their SDK", (string?)call["reason"]);
        var decided = (await DetectionSetup.FlagsOfAsync(staff, app)).Single(f => (string?)f["id"] == (string?)flag["id"]);
        Assert.Equal("reinstated", (string?)decided["state"]);
        Assert.Equal("reinstate", (string?)decided["decision"]!["kind"]);
        Assert.Equal((string?)call["actor"], (string?)decided["decision"]!["actor"]);

        // Nothing waits any more: a second reinstate is a state conflict.
        using (var again = await DetectionSetup.DecideAsync(staff, app, "reinstate", new { reason = "twice" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // Late events from before the reinstatement are the same evidence: no new flag.
        await WriteAttemptsAsync(monitor, app, 5, DateTimeOffset.UtcNow.AddSeconds(-30));
        // 5 requests, the flag and the decision AuditEvents, 5 more.
        Assert.True(await monitor.StoredAsync(12));
        await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        Assert.DoesNotContain(await DetectionSetup.FlagsOfAsync(staff, app), f => (string?)f["state"] == "open");

        // New misbehaviour after it is flagged again, with a new action_id.
        await WriteAttemptsAsync(monitor, app, 5, DateTimeOffset.UtcNow.AddSeconds(1));
        await FlaggedAsync(staff, app, "open");
        var suspensions = authServer.CallsFor(app).Where(c => (string?)c["action"] == "suspend").Select(c => (string?)c["action_id"]).ToList();
        Assert.Equal(2, suspensions.Distinct().Count());

        using var decisions = await staff.GetAsync(new Uri($"/r4/AuditEvent?agent={app}&subtype=decision.reinstate", UriKind.Relative), Ct);
        Assert.Contains("the developer fixed their SDK", await decisions.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Revoke_FlaggedApp_PermanentAndSecondRevokeConflicts(string backend)
    {
        var (monitor, authServer) = await StartAsync(backend);
        await using var _ = monitor;
        await using var __ = authServer;
        var app = DetectionSetup.NewClient("writer");
        authServer.Register(app);
        using var staff = monitor.StaffClient();
        await WriteAttemptsAsync(monitor, app);
        await FlaggedAsync(staff, app, "open");

        using (var ok = await DetectionSetup.DecideAsync(staff, app, "revoke", new { reason = "confirmed abuse" }))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("revoked", (string?)JsonNode.Parse(await ok.Content.ReadAsStringAsync(Ct))!["status"]);
        }

        Assert.Equal("revoked", authServer.StatusOf(app));
        Assert.Equal("revoked", (string?)(await DetectionSetup.FlagsOfAsync(staff, app)).Single()["state"]);
        Assert.Empty(await DetectionSetup.FlagsOfAsync(staff, app, "?state=open"));
        using (var again = await DetectionSetup.DecideAsync(staff, app, "revoke", new { reason = "again" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using var reinstate = await DetectionSetup.DecideAsync(staff, app, "reinstate", new { reason = "undo" });
        Assert.Equal(HttpStatusCode.Conflict, reinstate.StatusCode);
        Assert.Equal("revoked", authServer.StatusOf(app));
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Suspend_AuthServerDown_FlagFailedThenRetriedWithTheSameActionId(string backend)
    {
        var (monitor, authServer) = await StartAsync(backend);
        await using var _ = monitor;
        await using var __ = authServer;
        var app = DetectionSetup.NewClient("writer");
        authServer.Register(app);
        authServer.FailNext(2);
        using var staff = monitor.StaffClient();
        await WriteAttemptsAsync(monitor, app);

        await FlaggedAsync(staff, app, "failed");
        var flag = await FlaggedAsync(staff, app, "open");
        Assert.Equal("suspended", authServer.StatusOf(app));
        var calls = authServer.CallsFor(app);
        Assert.Equal(3, calls.Count);
        Assert.Single(calls.Select(c => (string?)c["action_id"]).Distinct());
        Assert.Equal(5, flag["steps"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task ReviewList_BadStateParameter_400Problem(string backend)
    {
        var (monitor, authServer) = await StartAsync(backend);
        await using var _ = monitor;
        await using var __ = authServer;
        using var staff = monitor.StaffClient();
        foreach (var query in new[] { "?state=closed", "?state=open&state=open", "?sort=desc" })
        {
            using var response = await staff.GetAsync(new Uri("/api/reviews" + query, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        var empty = await DetectionSetup.ReviewsAsync(staff, "?state=open");
        Assert.Equal(0, (int)empty["count"]!);
    }
}
