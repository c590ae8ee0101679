using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.AuthServer.Tests.Integration.Production;

namespace PatientAccess.AuthServer.Tests.Integration.Gallery;

/// <summary>The gallery lists approved production apps only: gone the moment one is suspended or revoked, back only when reinstated.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class GalleryTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Gallery_SuspendedGoneReinstatedBackRevokedGoneForGood(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var clientId = await ApprovedAsync(host, ClientType.Public);
        Assert.True(await ListedAsync(host, clientId));

        await AdminAsync(host, clientId, "suspend", HttpStatusCode.OK);
        Assert.False(await ListedAsync(host, clientId));
        await AdminAsync(host, clientId, "reinstate", HttpStatusCode.OK);
        Assert.True(await ListedAsync(host, clientId));
        await AdminAsync(host, clientId, "revoke", HttpStatusCode.OK);
        Assert.False(await ListedAsync(host, clientId));
        await AdminAsync(host, clientId, "reinstate", HttpStatusCode.Conflict);
        Assert.False(await ListedAsync(host, clientId));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Gallery_SandboxAndPendingNotListed_NoSecretOrSecurityContactAnywhere(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var pending = await driver.NewSandboxClientAsync(developer);
        await driver.SubmitQualifyingAsync(pending, developer);
        var approved = await ApprovedAsync(host, ClientType.Confidential);
        Assert.False(await ListedAsync(host, pending));
        Assert.True(await ListedAsync(host, approved));

        var secretHash = (await host.Service<ClientRegistry>().FindAsync(approved, TestContext.Current.CancellationToken))!.SecretHash!;
        var json = await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await host.Browser().GetStringAsync(new Uri("/gallery", UriKind.Relative), TestContext.Current.CancellationToken);
        foreach (var text in new[] { json, page })
        {
            Assert.DoesNotContain(secretHash, text, StringComparison.Ordinal);
            Assert.DoesNotContain("security@app.example.com", text, StringComparison.Ordinal);
            Assert.DoesNotContain(ProductionDriver.Redirect, text, StringComparison.Ordinal);
        }

        var entry = JsonNode.Parse(json)!.AsArray().Single(a => (string)a!["client_id"]! == approved)!.AsObject();
        Assert.Equal(["client_id", "name", "logo_uri", "description", "website", "privacy_policy_uri", "terms_of_service_uri", "support_email"], entry.Select(p => p.Key));
    }

    [Fact]
    public async Task GalleryPage_LanguageFromAcceptLanguageThenTheSwitch_AppTextEncoded()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, StaffKey.Settings());
        var clientId = await ApprovedAsync(host, ClientType.Public);
        await host.Service<ClientRegistry>().RegisterAsync(
            new ClientRegistration(clientId, "<script>alert(1)</script> Tracker", ClientType.Public, ClientStatus.Production, [ProductionDriver.Redirect], ClientOptions.DefaultDemoScopes,
                LogoUri: (await host.Service<ClientRegistry>().FindAsync(clientId, TestContext.Current.CancellationToken))!.LogoUri, Website: "https://app.example.com/"),
            TestContext.Current.CancellationToken);

        using var spanish = new MemberDriver(host, "es-MX");
        using (await spanish.GetAsync("/gallery"))
        {
            Assert.Contains("<html lang=\"es\">", spanish.LastPage, StringComparison.Ordinal);
            Assert.Contains("<h1>Galería de aplicaciones</h1>", spanish.LastPage, StringComparison.Ordinal);
            Assert.Contains("Política de privacidad", spanish.LastPage, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Tracker", spanish.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", spanish.LastPage, StringComparison.Ordinal);
        }

        using var english = new MemberDriver(host, "en-US");
        using (await english.GetAsync("/gallery"))
        {
            Assert.Contains("<h1>App gallery</h1>", english.LastPage, StringComparison.Ordinal);
        }

        using (var switched = await english.GetAsync("/member/language?to=es&return=/gallery"))
        {
            Assert.Equal("/gallery", MemberDriver.LocationOf(switched));
        }

        using (await english.GetAsync("/gallery"))
        {
            Assert.Contains("<h1>Galería de aplicaciones</h1>", english.LastPage, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ApprovedAsync(AuthServerHost host, ClientType type)
    {
        var driver = new ProductionDriver(host);
        var developer = ProductionDriver.NewEmail();
        var clientId = await driver.NewSandboxClientAsync(developer, type);
        using var approved = await driver.DecideAsync(await driver.SubmitQualifyingAsync(clientId, developer), "approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return clientId;
    }

    /// <summary>Listed in the JSON and on the page alike (checked together, so the two can never disagree unseen).</summary>
    private static async Task<bool> ListedAsync(AuthServerHost host, string clientId)
    {
        var json = JsonNode.Parse(await host.Browser().GetStringAsync(new Uri("/api/gallery", UriKind.Relative), TestContext.Current.CancellationToken))!.AsArray()
            .Any(a => (string)a!["client_id"]! == clientId);
        var page = (await host.Browser().GetStringAsync(new Uri("/gallery", UriKind.Relative), TestContext.Current.CancellationToken)).Contains("id=\"app-" + clientId + "\"", StringComparison.Ordinal);
        Assert.Equal(json, page);
        return json;
    }

    private static async Task AdminAsync(AuthServerHost host, string clientId, string action, HttpStatusCode expected)
    {
        using var response = await host.Admin().PostAsync(new Uri($"/admin/clients/{clientId}/{action}", UriKind.Relative), SmartApp.Reason(), TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
    }
}
