using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Production;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tests.Integration.Admin;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>Annual review and attestation renewal dates, the due list, and the automatic suspension (off by default), with a moved clock.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class ReviewDatesTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Approve_ReviewInAYearAttestationInTwo_ListedWhenDueThenOverdue(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var clientId = await ApproveNewClientAsync(host);
        var approvedAt = host.Clock.GetUtcNow();
        Assert.DoesNotContain(await DueAsync(host), r => (string)r!["client_id"]! == clientId);
        var wide = await DueAsync(host, "?window_days=366");
        var row = wide.Single(r => (string)r!["client_id"]! == clientId)!;
        Assert.Equal(approvedAt.AddYears(1).UtcDateTime.Date, Date(row["review_due_at"]));
        Assert.Equal(approvedAt.AddYears(2).UtcDateTime.Date, Date(row["attestation_due_at"]));

        host.Clock.Advance(TimeSpan.FromDays(340));
        row = (await DueAsync(host)).Single(r => (string)r!["client_id"]! == clientId)!;
        Assert.False((bool)row["review_overdue"]!);
        host.Clock.Advance(TimeSpan.FromDays(30));
        row = (await DueAsync(host)).Single(r => (string)r!["client_id"]! == clientId)!;
        Assert.Equal((true, false), ((bool)row["review_overdue"]!, (bool)row["attestation_overdue"]!));
        host.Clock.Advance(TimeSpan.FromDays(370));
        row = (await DueAsync(host)).Single(r => (string)r!["client_id"]! == clientId)!;
        Assert.Equal((true, true, "production"), ((bool)row["review_overdue"]!, (bool)row["attestation_overdue"]!, (string)row["status"]!));

        // Off by default: an overdue attestation is listed, and nothing is suspended.
        Assert.Empty(await host.Service<OverdueAttestationSuspender>().RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ClientStatus.Production, (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status);
        using var staff = StaffKey.Client(host);
        var page = await staff.GetStringAsync(new Uri("/staff/reviews", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(clientId, page, StringComparison.Ordinal);
        Assert.Contains("Overdue since", page, StringComparison.Ordinal);
        Assert.Contains("Automatic suspension of overdue attestations is off", page, StringComparison.Ordinal);
        using var bad = await staff.GetAsync(new Uri("/api/staff/reviews?window_days=abc", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task AutoSuspend_On_OverdueAttestationSuspendsEverywhereAsAutomaticOnce(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings(new Dictionary<string, string?> { ["Reviews:SuspendOverdueAttestations"] = "true" }));
        var app = new SmartApp(host);
        var developer = ProductionDriver.NewEmail();
        var driver = new ProductionDriver(host);
        driver.Ownership.Own(app.ClientId, developer);
        using (await driver.DecideAsync(await driver.SubmitQualifyingAsync(app.ClientId, developer), "approve"))
        {
        }

        var suspender = host.Service<OverdueAttestationSuspender>();
        host.Clock.Advance(TimeSpan.FromDays(700));
        Assert.Empty(await suspender.RunOnceAsync(TestContext.Current.CancellationToken));

        // Tokens issued a month before the renewal date: the refresh token (90 days) would still work.
        var tokens = await app.LaunchAsync();
        host.Clock.Advance(TimeSpan.FromDays(32));
        using (var stillWorks = await app.RefreshAsync((string)tokens["refresh_token"]!))
        {
            Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
            tokens = await SmartApp.JsonAsync(stillWorks);
        }

        Assert.Equal([app.ClientId], await suspender.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ClientStatus.Suspended, (await host.Service<ClientRegistry>().FindAsync(app.ClientId, TestContext.Current.CancellationToken))!.Status);
        using (var introspect = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken))
        {
            Assert.False((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
        }

        using (var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        }

        Assert.DoesNotContain(app.ClientId, await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using (var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var action = await db.StaffActions.SingleAsync(a => a.Subject == app.ClientId && a.Action == ProductionAudit.AutoSuspended, TestContext.Current.CancellationToken);
            Assert.Equal("automatic", action.Actor);
        }

        var row = (await DueAsync(host)).Single(r => (string)r!["client_id"]! == app.ClientId)!;
        Assert.NotNull((string?)row["auto_suspended_at"]);

        // Staff reinstate it: it is not suspended again for the same overdue date.
        using (var reinstate = await host.Admin().PostAsync(new Uri($"/admin/clients/{app.ClientId}/reinstate", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken))
        {
            Assert.Equal("production", (string)(await SmartApp.JsonAsync(reinstate))["status"]!);
        }

        Assert.Empty(await suspender.RunOnceAsync(TestContext.Current.CancellationToken));
        Assert.Equal(ClientStatus.Production, (await host.Service<ClientRegistry>().FindAsync(app.ClientId, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task AutoSuspend_On_BackgroundCheckRunsByItself()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, StaffKey.Settings(new Dictionary<string, string?>
        {
            ["Reviews:SuspendOverdueAttestations"] = "true",
            ["Reviews:CheckSeconds"] = "1",
        }));
        var clientId = await ApproveNewClientAsync(host);
        host.Clock.Advance(TimeSpan.FromDays(2 * 366));
        Assert.True(await Eventually.TrueAsync(
            async () => (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.Status == ClientStatus.Suspended,
            TimeSpan.FromSeconds(60)));
    }

    private static async Task<string> ApproveNewClientAsync(AuthServerHost host)
    {
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer);
        using var approved = await driver.DecideAsync(await driver.SubmitQualifyingAsync(clientId, developer), "approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return clientId;
    }

    private static async Task<JsonArray> DueAsync(AuthServerHost host, string query = "")
    {
        using var staff = StaffKey.Client(host);
        return JsonNode.Parse(await staff.GetStringAsync(new Uri("/api/staff/reviews" + query, UriKind.Relative), TestContext.Current.CancellationToken))!.AsArray();
    }

    private static DateTime Date(JsonNode? node) =>
        DateTimeOffset.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime.Date;
}
