using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Tests.Integration.Admin;
using PatientAccess.AuthServer.Tests.Integration.Audit;

namespace PatientAccess.AuthServer.Tests.Integration.Enforcement;

/// <summary>
/// Issue 15 contract 1: suspend, revoke and reinstate through <c>POST /admin/clients/{id}/enforcement</c>,
/// every step exactly once per action_id, members told once each in their language, contacts told with the evidence.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class EnforcementTests(AuthBackends backends)
{
    private const string Contact = "security@plan.example";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Suspend_MemberWhoseGrantTheReuseDefenceRevoked_StillMailedOnce(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var email = "m" + Guid.NewGuid().ToString("N")[..10] + "@example.com";
        var account = await host.Service<PatientAccess.AuthServer.Member.Sessions.MemberAccounts>().CreateAsync(email, "pat-stolen", Ct);
        Assert.NotNull(account);
        var app = new SmartApp(host) { Member = account.AccountId };
        var tokens = await app.LaunchAsync();
        var stolen = (string)tokens["refresh_token"]!;
        using (var rotated = await app.RefreshAsync(stolen))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        // The thief replays the rotated-out refresh token: the defence revokes the member's whole grant.
        using (var replay = await app.RefreshAsync(stolen))
        {
            Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(replay))["error"]!);
        }

        var answer = await Enforce.OkAsync(host, app.ClientId, Enforce.Body("suspend"));

        Assert.Equal(1, Enforce.Count(answer, "member_emails"));
        Assert.Single(OutboxMail.All(host.DataDirectory), m => m.To == email);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Suspend_EveryStepOnce_MembersMailedOnceInTheirLanguage_ReplayChangesNothing(string backend)
    {
        await using var host = await backends.FreshAsync(backend, new Dictionary<string, string?> { ["Enforcement:PlanContacts:0"] = Contact });
        var english = await EnforcementMembers.WithGrantsAsync(host, "en", grants: 2, "pat-en");
        var spanish = await EnforcementMembers.WithGrantsAsync(host, "es", grants: 1, "pat-es");
        var app = new SmartApp(host) { Member = "member-without-account" };
        var tokens = await app.LaunchAsync();
        await using var stream = await AuditStream.OpenAsync(backends.Redis.ConnectionString);
        var body = Enforce.Body("suspend");

        var answer = await Enforce.OkAsync(host, app.ClientId, body);

        Assert.Equal((string)body["action_id"]!, (string)answer["action_id"]!);
        Assert.Equal("suspended", (string)answer["status"]!);
        Assert.False((bool)answer["replayed"]!);
        Assert.Equal(["credentials", "tokens", "member_emails", "contact_emails", "gallery"], answer["steps"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.All(answer["steps"]!.AsArray(), s => Assert.Equal("done", (string)s!["state"]!));
        Assert.Equal(4, Enforce.Count(answer, "tokens")); // four launches, four live refresh tokens
        Assert.Equal(2, Enforce.Count(answer, "member_emails"));
        Assert.Equal(1, (int)Enforce.Step(answer, "member_emails")["skipped"]!); // the grant whose member has no address
        Assert.Equal(1, Enforce.Count(answer, "contact_emails"));
        Assert.Equal(1, Enforce.Count(answer, "gallery"));

        var mails = OutboxMail.All(host.DataDirectory);
        Assert.Equal(3, mails.Count);
        var toEnglish = Assert.Single(mails, m => m.To == english);
        Assert.Equal("en", toEnglish.Language);
        Assert.Contains("can no longer reach your health records", toEnglish.Subject, StringComparison.Ordinal);
        Assert.Contains("Your data is safe", toEnglish.Body, StringComparison.Ordinal);
        var toSpanish = Assert.Single(mails, m => m.To == spanish);
        Assert.Equal("es", toSpanish.Language);
        Assert.Contains("ya no puede acceder", toSpanish.Subject, StringComparison.Ordinal);
        Assert.Contains("Sus datos están seguros", toSpanish.Body, StringComparison.Ordinal);
        var toContact = Assert.Single(mails, m => m.To == Contact);
        Assert.Contains("42 write attempts in 60 s", toContact.Body, StringComparison.Ordinal);
        Assert.Contains("write-attempts", toContact.Body, StringComparison.Ordinal);
        Assert.Contains((string)body["action_id"]!, toContact.Body, StringComparison.Ordinal);

        // Blocked everywhere: token endpoint, introspection, the revocation feed, the gallery.
        using (var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!))
        {
            Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(refresh))["error"]!);
        }

        using (var introspect = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), Ct))
        {
            Assert.False((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
        }

        Assert.Equal(1, await FeedEntriesAsync(host, app.ClientId));
        Assert.DoesNotContain(app.ClientId, await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), Ct), StringComparison.Ordinal);

        // Recorded on the stream: the action with actor and reason, and each step.
        var accepted = await stream.WaitForAsync(AuditEventTypes.EnforcementAction, e => e["client_id"] == app.ClientId);
        Assert.Equal("monitor", accepted["actor"]);
        Assert.Equal("too many write attempts", accepted["reason"]);
        await stream.WaitForAsync(AuditEventTypes.EnforcementStep, e => e["detail"].Contains("step=gallery state=done", StringComparison.Ordinal));
        Assert.Equal(5, (await stream.EventsAsync()).Count(e => e["type"] == AuditEventTypes.EnforcementStep));

        // The same action again: the recorded answer, no second mail, no second revocation.
        var replay = await Enforce.OkAsync(host, app.ClientId, body);
        Assert.True((bool)replay["replayed"]!);
        Assert.Equal(answer["steps"]!.ToJsonString(), replay["steps"]!.ToJsonString());
        Assert.Equal(3, OutboxMail.All(host.DataDirectory).Count);
        Assert.Equal(1, await FeedEntriesAsync(host, app.ClientId));

        // A new suspension of a suspended app is a conflict; the same action_id for another action too.
        using (var again = await Enforce.SendAsync(host.Admin(), app.ClientId, Enforce.Body("suspend")))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(again))["error"]!);
        }

        var reused = Enforce.Body("revoke", actionId: (string)body["action_id"]!);
        using (var mismatch = await Enforce.SendAsync(host.Admin(), app.ClientId, reused))
        {
            Assert.Equal(HttpStatusCode.Conflict, mismatch.StatusCode);
        }

        Assert.Equal(3, OutboxMail.All(host.DataDirectory).Count);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task ReinstateThenRevoke_OldTokensStayDead_RevokeMailsOnceMoreAndIsFinal(string backend)
    {
        await using var host = await backends.FreshAsync(backend, new Dictionary<string, string?> { ["Enforcement:PlanContacts:0"] = Contact });
        var member = await EnforcementMembers.WithGrantsAsync(host, "es", grants: 1, "pat-r");
        var app = new SmartApp(host);
        var tokens = await app.LaunchAsync();
        await Enforce.OkAsync(host, app.ClientId, Enforce.Body("suspend"));

        var reinstated = await Enforce.OkAsync(host, app.ClientId, Enforce.Body("reinstate", actor: "staff:Dana Reyes", detector: null, evidence: string.Empty, reason: "false positive: load test"));

        Assert.Equal("production", (string)reinstated["status"]!);
        Assert.Equal(["credentials", "gallery"], reinstated["steps"]!.AsArray().Select(s => (string)s!["name"]!));
        Assert.Equal("done", Enforce.State(reinstated, "gallery"));
        Assert.Contains(app.ClientId, await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), Ct), StringComparison.Ordinal);
        using (var oldRefresh = await app.RefreshAsync((string)tokens["refresh_token"]!))
        {
            Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(oldRefresh))["error"]!);
        }

        using (var oldAccess = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), Ct))
        {
            Assert.False((bool)(await SmartApp.JsonAsync(oldAccess))["active"]!);
        }

        // At once: no need to wait past the suspension's second (the reinstatement did).
        var fresh = await app.LaunchAsync();
        using (var freshAccess = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)fresh["access_token"]!), Ct))
        {
            Assert.True((bool)(await SmartApp.JsonAsync(freshAccess))["active"]!);
        }

        using (var notSuspended = await Enforce.SendAsync(host.Admin(), app.ClientId, Enforce.Body("reinstate")))
        {
            Assert.Equal(HttpStatusCode.Conflict, notSuspended.StatusCode);
        }

        await Enforce.OkAsync(host, app.ClientId, Enforce.Body("suspend"));
        var revoked = await Enforce.OkAsync(host, app.ClientId, Enforce.Body("revoke", actor: "staff:Dana Reyes"));

        Assert.Equal("revoked", (string)revoked["status"]!);
        var toMember = OutboxMail.All(host.DataDirectory).Where(m => m.To == member).ToList();
        Assert.Equal(3, toMember.Count); // suspended, suspended again, removed for good
        Assert.Contains("retirada de forma definitiva", toMember[^1].Subject, StringComparison.Ordinal);
        foreach (var action in new[] { "suspend", "revoke", "reinstate" })
        {
            using var refused = await Enforce.SendAsync(host.Admin(), app.ClientId, Enforce.Body(action));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task MailFails_ReplayRerunsOnlyTheFailedStep_EachMemberStillMailedOnce(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var first = await EnforcementMembers.WithGrantsAsync(host, "en", grants: 1, "pat-f1");
        var second = await EnforcementMembers.WithGrantsAsync(host, "en", grants: 1, "pat-f2");
        var app = new SmartApp(host);
        var outbox = Path.Combine(host.DataDirectory, "outbox");
        if (Directory.Exists(outbox))
        {
            Directory.Delete(outbox, recursive: true);
        }

        // A file where the outbox folder should be: every send fails, as with a relay that is down.
        await File.WriteAllTextAsync(outbox, "not a folder", Ct);
        var body = Enforce.Body("suspend");

        var failed = await Enforce.OkAsync(host, app.ClientId, body);

        Assert.Equal("failed", Enforce.State(failed, "member_emails"));
        Assert.Equal(0, Enforce.Count(failed, "member_emails"));
        Assert.Equal("skipped", Enforce.State(failed, "contact_emails")); // no plan contacts configured
        Assert.Equal("done", Enforce.State(failed, "credentials"));
        Assert.Equal("done", Enforce.State(failed, "gallery"));
        Assert.Equal("suspended", (string)failed["status"]!);

        File.Delete(outbox);
        var replay = await Enforce.OkAsync(host, app.ClientId, body);

        Assert.True((bool)replay["replayed"]!);
        Assert.Equal("done", Enforce.State(replay, "member_emails"));
        Assert.Equal(2, Enforce.Count(replay, "member_emails"));
        foreach (var step in new[] { "credentials", "tokens", "contact_emails", "gallery" })
        {
            Assert.Equal(Enforce.Step(failed, step).ToJsonString(), Enforce.Step(replay, step).ToJsonString());
        }

        Assert.Equal(1, await FeedEntriesAsync(host, app.ClientId));
        var again = await Enforce.OkAsync(host, app.ClientId, body);
        Assert.Equal(Enforce.Step(replay, "member_emails").ToJsonString(), Enforce.Step(again, "member_emails").ToJsonString());
        var mails = OutboxMail.All(host.DataDirectory);
        Assert.Equal(2, mails.Count);
        Assert.Single(mails, m => m.To == first);
        Assert.Single(mails, m => m.To == second);
    }

    /// <summary>Client entries on the revocation feed for this app (one per suspension or revocation that ran its tokens step).</summary>
    internal static async Task<int> FeedEntriesAsync(AuthServerHost host, string clientId)
    {
        var feed = JsonNode.Parse(await host.Admin().GetStringAsync(new Uri("/admin/revocations", UriKind.Relative), Ct))!;
        return feed["revocations"]!.AsArray().Count(e => (string)e!["kind"]! == "client" && (string)e["id"]! == clientId);
    }
}
