using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>Staff decisions: approve or deny with a reason, by API and by the staff pages; the developer is mailed either way.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class ProductionDecisionTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Approve_ClientProductionListedWithRequestFactsLogoServedAndDecisionRecorded(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        var requestId = await driver.SubmitQualifyingAsync(clientId, developer);

        using (var approved = await driver.DecideAsync(requestId, "approve", "Attestation and demo testing look right."))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
            var decided = await SmartApp.JsonAsync(approved);
            Assert.Equal(("approved", StaffKey.Actor), ((string)decided["status"]!, (string)decided["decided_by"]!));
        }

        Assert.Equal(ClientStatus.Production, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
        var mail = Outbox.Latest(host.DataDirectory, developer);
        Assert.Contains("approved", mail, StringComparison.Ordinal);
        Assert.Contains("Attestation and demo testing look right.", mail, StringComparison.Ordinal);

        var gallery = JsonNode.Parse(await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), TestContext.Current.CancellationToken))!.AsArray();
        var listed = gallery.Single(a => (string)a!["client_id"]! == clientId)!;
        Assert.Equal("Shows your claims and medicines in one timeline.", (string)listed["description"]!);
        Assert.Equal("https://app.example.com/privacy", (string)listed["privacy_policy_uri"]!);
        Assert.Equal("https://app.example.com/terms", (string)listed["terms_of_service_uri"]!);
        Assert.Equal("support@app.example.com", (string)listed["support_email"]!);
        Assert.Equal("https://app.example.com/", (string)listed["website"]!);
        Assert.DoesNotContain("security@app.example.com", gallery.ToJsonString(), StringComparison.Ordinal);
        var logoUri = new Uri((string)listed["logo_uri"]!);
        Assert.Equal($"/gallery/logos/{clientId}", logoUri.AbsolutePath);
        using var logo = await host.Browser().GetAsync(new Uri(logoUri.AbsolutePath, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TestImages.Png(128, 128), await logo.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        await using (var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var action = await db.StaffActions.SingleAsync(a => a.Subject == clientId, TestContext.Current.CancellationToken);
            Assert.Equal(("production.approved", StaffKey.Actor, "Attestation and demo testing look right."), (action.Action, action.Actor, action.Reason));
        }

        using var redis = await ConnectionMultiplexer.ConnectAsync(backends.Redis.ConnectionString);
        Assert.True(await Eventually.TrueAsync(async () => (await redis.GetDatabase().StreamRangeAsync(AuditTrail.StreamKey)).Any(e =>
            e["type"] == "production.approved" && e["client_id"] == clientId && e["detail"] == "actor=" + StaffKey.Actor), TimeSpan.FromSeconds(10)));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Deny_WithReason_DeveloperMailedInTheirLanguageClientStaysSandbox(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        using (var submitted = await driver.SubmitAsync(clientId, developer, ProductionDriver.Qualifying(), "es-US"))
        {
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        }

        var requestId = (string)(await SmartApp.JsonAsync(await driver.Developer(developer).GetAsync(new Uri($"/api/developer/clients/{clientId}/production", UriKind.Relative), TestContext.Current.CancellationToken)))["request_id"]!;
        using (var denied = await driver.DecideAsync(requestId, "deny", "No pruebas con el miembro de demostración."))
        {
            Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        }

        var mail = Outbox.Latest(host.DataDirectory, developer);
        Assert.Contains("rechazada", mail, StringComparison.Ordinal);
        Assert.Contains("No pruebas con el miembro de demostración.", mail, StringComparison.Ordinal);
        Assert.Equal(ClientStatus.Sandbox, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
        Assert.DoesNotContain(clientId, await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The developer sees the reason, and may send a new request.
        var status = await SmartApp.JsonAsync(await driver.Developer(developer).GetAsync(new Uri($"/api/developer/clients/{clientId}/production", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(("denied", "No pruebas con el miembro de demostración."), ((string)status["status"]!, (string)status["reason"]!));
        await driver.SubmitQualifyingAsync(clientId, developer);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Decide_NoReasonTwiceUnknownOrSuspendedClient_RefusedAndNothingChanges(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        var requestId = await driver.SubmitQualifyingAsync(clientId, developer);
        foreach (var reason in new[] { null, "   ", new string('x', 1001) })
        {
            using var noReason = await driver.DecideAsync(requestId, "approve", reason);
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.NotNull((await SmartApp.JsonAsync(noReason))["errors"]!["reason"]);
        }

        using (var unknown = await driver.DecideAsync("no-such-request", "approve"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        // Suspended while waiting: approval would bring it back behind the suspension's back.
        using (await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/suspend", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken))
        {
        }

        using (var suspended = await driver.DecideAsync(requestId, "approve"))
        {
            Assert.Equal(HttpStatusCode.Conflict, suspended.StatusCode);
        }

        Assert.Equal(ClientStatus.Suspended, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
        using (var denied = await driver.DecideAsync(requestId, "deny"))
        {
            Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        }

        using var twice = await driver.DecideAsync(requestId, "approve");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Single(Directory.GetFiles(Outbox.Folder(host.DataDirectory), "*.eml"));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task StaffPages_SignInReviewAndApprove_ReasonRequiredAtItsField(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        var requestId = await driver.SubmitQualifyingAsync(clientId, developer);
        using var staff = new MemberDriver(host.Browser());
        using (await staff.GetAsync("/staff/signin"))
        {
        }

        using (await staff.PostAsync("/staff/signin", [KeyValuePair.Create("key", StaffKey.Value)]))
        {
        }

        using (await staff.GetAsync("/staff/requests"))
        {
            Assert.Contains($"/staff/requests/{requestId}", staff.LastPage, StringComparison.Ordinal);
        }

        using (await staff.GetAsync("/staff/requests/" + requestId))
        {
            Assert.Equal(HttpStatusCode.OK, staff.LastStatus);
            Assert.Contains("security@app.example.com", staff.LastPage, StringComparison.Ordinal);
            Assert.Contains("Is data used, accessed and transferred only in the USA?", staff.LastPage, StringComparison.Ordinal);
            Assert.Contains("No successful token exchanges for demo members yet.", staff.LastPage, StringComparison.Ordinal);
        }

        using (var noReason = await staff.PostAsync($"/staff/requests/{requestId}/decision", [KeyValuePair.Create("decision", "approve"), KeyValuePair.Create("reason", "")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("id=\"reason-error\"", staff.LastPage, StringComparison.Ordinal);
        }

        using (var noToken = await staff.PostAsync($"/staff/requests/{requestId}/decision", [KeyValuePair.Create("decision", "approve"), KeyValuePair.Create("reason", "fine")], csrf: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }

        Assert.Equal(ClientStatus.Sandbox, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
        using (await staff.GetAsync("/staff/requests/" + requestId))
        {
        }

        using (var approved = await staff.PostAsync($"/staff/requests/{requestId}/decision", [KeyValuePair.Create("decision", "approve"), KeyValuePair.Create("reason", "All ten answers qualify.")]))
        {
            Assert.Equal("/staff/requests?decided=approved", MemberDriver.LocationOf(approved));
        }

        Assert.Equal(ClientStatus.Production, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
        Assert.Contains("All ten answers qualify.", Outbox.Latest(host.DataDirectory, developer), StringComparison.Ordinal);
    }
}
