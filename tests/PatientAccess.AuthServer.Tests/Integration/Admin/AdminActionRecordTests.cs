using System.Net;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Staff;
using PatientAccess.AuthServer.Tests.Integration.Audit;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Admin;

/// <summary>Every admin action says why and records who: a reason is required, the actor is the admin key's fingerprint.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class AdminActionRecordTests(AuthBackends backends)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Actor => "admin:" + TestKeys.OperatorHash[..8].ToLowerInvariant();

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task StatusChanges_WithReason_RecordActorAndReasonOnStreamAndInActionLog(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var clientId = host.Demo().PublicId;
        await using var stream = await AuditStream.OpenAsync(backends.Redis.ConnectionString);

        using (var suspend = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/suspend", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "ticket 4411: scraping" }), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, suspend.StatusCode);
        }

        using (var reinstate = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/reinstate", UriKind.Relative), SmartApp.Reason("ticket 4411: cleared"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, reinstate.StatusCode);
        }

        var suspended = await stream.WaitForAsync(AuditEventTypes.ClientStatusChanged, e => e["client_id"] == clientId && e["detail"] == "suspended");
        Assert.Equal(Actor, suspended["actor"]);
        Assert.Equal("ticket 4411: scraping", suspended["reason"]);
        var reinstated = await stream.WaitForAsync(AuditEventTypes.ClientStatusChanged, e => e["client_id"] == clientId && e["detail"] == "reinstated");
        Assert.Equal(Actor, reinstated["actor"]);
        Assert.Equal("ticket 4411: cleared", reinstated["reason"]);
        var log = await host.Service<StaffActions>().ForSubjectAsync(clientId, Ct);
        Assert.Equal(new[] { ("client.suspended", "ticket 4411: scraping"), ("client.reinstated", "ticket 4411: cleared") }, log.Select(a => (a.Action, a.Reason!)));
        Assert.All(log, a => Assert.Equal(Actor, a.Actor));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task GrantRevoke_WithReason_Recorded(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var app = new SmartApp(host) { Member = "member-grant-revoke" };
        await app.LaunchAsync();
        var grantId = (await host.Service<PatientAccess.AuthServer.Revocation.IMemberGrants>().ListAsync(app.Member, Ct)).Single().GrantId;
        await using var stream = await AuditStream.OpenAsync(backends.Redis.ConnectionString);

        using var revoke = await host.Admin().PostAsync(new Uri($"/admin/grants/{grantId}/revoke", UriKind.Relative), SmartApp.Reason("member asked by phone"), Ct);

        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        var revoked = await stream.WaitForAsync(AuditEventTypes.GrantRevoked, e => e.GetValueOrDefault("grant_id") == grantId);
        Assert.Equal(Actor, revoked["actor"]);
        Assert.Equal("member asked by phone", revoked["reason"]);
        Assert.Equal("member asked by phone", Assert.Single(await host.Service<StaffActions>().ForSubjectAsync(grantId, Ct)).Reason);
    }

    [Theory]
    [InlineData("suspend", null)]
    [InlineData("suspend", "")]
    [InlineData("suspend", "   ")]
    [InlineData("revoke", "json-without-reason")]
    [InlineData("revoke", "not-json")]
    [InlineData("suspend", "too-long")]
    [InlineData("suspend", "control")]
    public async Task StatusChange_NoUsableReason_400AndNothingChanges(string action, string? reason)
    {
        var host = backends[AuthBackends.Sqlite];
        var clientId = host.Demo().PublicId;
        HttpContent? body = reason switch
        {
            null => null,
            "json-without-reason" => new StringContent("{\"why\": \"x\"}", System.Text.Encoding.UTF8, "application/json"),
            "not-json" => new StringContent("{reason", System.Text.Encoding.UTF8, "application/json"),
            "too-long" => SmartApp.Reason(new string('r', 501)),
            "control" => SmartApp.Reason("bad\u0000reason"),
            _ => SmartApp.Reason(reason),
        };

        using var response = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/{action}", UriKind.Relative), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(response))["error"]!);
        Assert.True((await host.Service<ClientRegistry>().FindAsync(clientId, Ct))!.IsActive);
    }
}
