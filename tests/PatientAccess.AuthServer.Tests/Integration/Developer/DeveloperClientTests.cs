using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.AuthServer.Tests.Unit.Developer;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>Registering apps in the portal: the secret once, rotation, editing, logos; pages and API.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class DeveloperClientTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Create_Confidential_SandboxWithReadScopesAndTheSecretShownOnce(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        await driver.SignUpAsync(DeveloperDriver.NewEmail());
        var clientId = await driver.CreateAppAsync(logo: new Logo(LogoSamples.Png64, "logo.png", "image/png"));

        using (await driver.GetAsync("/developer/clients/" + clientId + "?created=1"))
        {
            Assert.Equal(HttpStatusCode.OK, driver.LastStatus);
        }

        var secret = driver.ShownSecret;
        Assert.NotNull(secret);
        await DeveloperChecks.AssertDemoGuideWorksAsync(host, driver.LastPage, clientId);
        Assert.Contains(clientId, driver.LastPage, StringComparison.Ordinal);
        Assert.Contains("/developer/clients/" + clientId + "/production", driver.LastPage, StringComparison.Ordinal);
        Assert.Contains("Request production access", driver.LastPage, StringComparison.Ordinal);

        var stored = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        Assert.Equal(ClientStatus.Sandbox, stored.Status);
        Assert.Equal(ClientOptions.DefaultDemoScopes, stored.AllowedScopes);
        Assert.Equal(ClientSecrets.HashOf(secret!), stored.SecretHash);
        Assert.Equal("http://localhost:5001/developer/logos/" + clientId, stored.LogoUri);

        // A reload, the list, the edit page and the API never show it again.
        foreach (var path in new[] { "/developer/clients/" + clientId, "/developer/clients/" + clientId + "?created=1", "/developer", "/developer/clients/" + clientId + "/edit" })
        {
            using (await driver.GetAsync(path))
            {
                Assert.DoesNotContain(secret!, driver.LastPage, StringComparison.Ordinal);
                Assert.Null(driver.ShownSecret);
            }
        }

        // The secret authenticates the app: a wrong code is invalid_grant, not invalid_client.
        using var token = await DeveloperChecks.TokenAsync(host, clientId, secret!, "no-such-code");
        Assert.Equal("invalid_grant", (string)(await DeveloperApiClient.JsonAsync(token))["error"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Create_SealedSecretCookieInAnotherSession_ShowsNothing(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        var email = DeveloperDriver.NewEmail();
        using var first = new DeveloperDriver(host);
        await first.SignUpAsync(email);
        using var second = new DeveloperDriver(host);
        var secondSession = await second.SignInAsync(email);
        using (await first.GetAsync("/developer/clients/new"))
        {
        }

        using var created = await first.PostAppAsync("/developer/clients/new", [("name", "Sealed"), ("client_type", "confidential"), ("redirect_uris", "https://app.example.com/cb")]);
        var sealedSecret = DeveloperDriver.CookieValue(created, "pa-developer-secret");
        var path = MemberDriver.LocationOf(created);
        Assert.DoesNotContain(sealedSecret, created.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The same developer's other session, even holding the sealed cookie, is not shown the secret.
        using var http = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", $"pa-developer={secondSession}; pa-developer-secret={sealedSecret}");
        using var page = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("client-secret", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        // The session that made it is shown it once.
        using (await first.GetAsync(path))
        {
            Assert.NotNull(first.ShownSecret);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task RotateSecret_OldSecretFailsAtOnceNewOneExchanges(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        await driver.SignUpAsync(DeveloperDriver.NewEmail());
        var clientId = await driver.CreateAppAsync(redirects: "http://127.0.0.1:8765/callback");
        using (await driver.GetAsync("/developer/clients/" + clientId))
        {
        }

        var old = driver.ShownSecret!;
        using (await driver.GetAsync("/developer/clients/" + clientId))
        {
        }

        using var rotated = await driver.PostAsync("/developer/clients/" + clientId + "/secret", []);
        Assert.Equal("/developer/clients/" + clientId + "?rotated=1", MemberDriver.LocationOf(rotated));
        using (await driver.GetAsync(MemberDriver.LocationOf(rotated)))
        {
        }

        var fresh = driver.ShownSecret!;
        Assert.NotEqual(old, fresh);
        Assert.Contains("The old secret no longer works", driver.LastPage, StringComparison.Ordinal);

        var (code, verifier) = await DeveloperChecks.DemoCodeAsync(host, clientId, "http://127.0.0.1:8765/callback");
        using (var refused = await DeveloperChecks.TokenAsync(host, clientId, old, code, verifier, "http://127.0.0.1:8765/callback"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("invalid_client", (string)(await DeveloperApiClient.JsonAsync(refused))["error"]!);
        }

        using var exchanged = await DeveloperChecks.TokenAsync(host, clientId, fresh, code, verifier, "http://127.0.0.1:8765/callback");
        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.NotNull((await DeveloperApiClient.JsonAsync(exchanged))["access_token"]);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Edit_Pages_NameRedirectsWebsiteAndLogoChange(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        await driver.SignUpAsync(DeveloperDriver.NewEmail());
        var clientId = await driver.CreateAppAsync(type: "public");
        using (await driver.GetAsync("/developer/clients/" + clientId + "/edit"))
        {
            Assert.Contains("https://app.example.com/callback", driver.LastPage, StringComparison.Ordinal);
        }

        using var saved = await driver.PostAppAsync("/developer/clients/" + clientId + "/edit",
            [("name", "Renamed <App>"), ("redirect_uris", "https://new.example.com/cb\nhttp://localhost:3000/cb"), ("website", "https://new.example.com/")],
            new Logo(LogoSamples.Jpeg64x48, "picture.png", "image/png"));
        Assert.Equal("/developer/clients/" + clientId + "?saved=1", MemberDriver.LocationOf(saved));

        var client = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        Assert.Equal("Renamed <App>", client.Name);
        string[] redirects = ["https://new.example.com/cb", "http://localhost:3000/cb"];
        Assert.Equal(redirects, client.RedirectUris);
        Assert.Equal("https://new.example.com/", client.Website);
        Assert.Equal(ClientType.Public, client.Type);
        using (await driver.GetAsync("/developer/clients/" + clientId))
        {
            Assert.Contains("Renamed &lt;App&gt;", driver.LastPage, StringComparison.Ordinal);
            Assert.DoesNotContain("Renamed <App>", driver.LastPage, StringComparison.Ordinal);
        }

        // The logo is public at its stable URL, typed by its content (a JPEG named .png), never sniffed.
        using var anonymous = host.Browser();
        using var logo = await anonymous.GetAsync(new Uri(new Uri(client.LogoUri!).AbsolutePath, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(LogoSamples.Jpeg64x48, await logo.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using (await driver.GetAsync("/developer/clients/" + clientId + "/edit"))
        {
        }

        using var removed = await driver.PostAppAsync("/developer/clients/" + clientId + "/edit",
            [("name", "Renamed"), ("redirect_uris", "https://new.example.com/cb"), ("website", ""), ("remove_logo", "yes")]);
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        client = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        Assert.Null(client.LogoUri);
        Assert.Null(client.Website);
        using var gone = await anonymous.GetAsync(new Uri("/developer/logos/" + clientId, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Api_CreateRotateEditLogo_SecretOnlyInTheAnswersThatMadeIt(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var api = await DeveloperApiClient.SignedUpAsync(host);
        var created = await api.CreateAsync();
        var clientId = (string)created["client_id"]!;
        var secret = (string)created["client_secret"]!;
        Assert.Equal("sandbox", (string)created["status"]!);
        Assert.Contains("code_challenge_method=S256", (string)created["demo_authorization"]!["authorize_url"]!, StringComparison.Ordinal);

        using (var read = await api.SendAsync(HttpMethod.Get, "/api/developer/clients/" + clientId))
        {
            var text = await read.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain("client_secret", text, StringComparison.Ordinal);
        }

        using (var rotated = await api.SendAsync(HttpMethod.Post, "/api/developer/clients/" + clientId + "/secret"))
        {
            var fresh = (string)(await DeveloperApiClient.JsonAsync(rotated))["client_secret"]!;
            Assert.NotEqual(secret, fresh);
            using var old = await DeveloperChecks.TokenAsync(host, clientId, secret, "x");
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            using var current = await DeveloperChecks.TokenAsync(host, clientId, fresh, "x");
            Assert.Equal("invalid_grant", (string)(await DeveloperApiClient.JsonAsync(current))["error"]!);
        }

        using (var edited = await api.SendAsync(HttpMethod.Patch, "/api/developer/clients/" + clientId, new JsonObject { ["name"] = "Api App 2", ["redirect_uris"] = new JsonArray("http://[::1]:7000/cb") }))
        {
            var body = await DeveloperApiClient.JsonAsync(edited);
            Assert.Equal("Api App 2", (string)body["name"]!);
            Assert.Equal("https://api-app.example.com/", (string)body["website"]!);
            Assert.Equal("http://[::1]:7000/cb", (string)body["redirect_uris"]![0]!);
        }

        foreach (var (uri, error) in new[] { ("http://app.example.com/cb", "http on another computer"), ("https://a.example/cb#f", "#fragment"), ("https://*.a.example/cb", "wildcard"), ("https://u@a.example/cb", "user name") })
        {
            using var bad = await api.SendAsync(HttpMethod.Patch, "/api/developer/clients/" + clientId, new JsonObject { ["redirect_uris"] = new JsonArray(uri) });
            var body = await DeveloperApiClient.JsonAsync(bad);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("invalid_redirect_uri", (string)body["error"]!);
            Assert.Contains(error, (string)body["error_description"]!, StringComparison.Ordinal);
        }

        using (var logo = await api.SendBytesAsync(HttpMethod.Put, "/api/developer/clients/" + clientId + "/logo", LogoSamples.Png64, "image/jpeg"))
        {
            Assert.Equal("image/png", (string)(await DeveloperApiClient.JsonAsync(logo))["content_type"]!);
        }

        using (var html = await api.SendBytesAsync(HttpMethod.Put, "/api/developer/clients/" + clientId + "/logo", "<html><script>alert(1)</script></html>"u8.ToArray(), "image/png"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, html.StatusCode);
            Assert.Equal("invalid_client_metadata", (string)(await DeveloperApiClient.JsonAsync(html))["error"]!);
        }

        using (var huge = await api.SendBytesAsync(HttpMethod.Put, "/api/developer/clients/" + clientId + "/logo", new byte[300 * 1024], "image/png"))
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
            Assert.Contains("larger than 256 KB", (string)(await DeveloperApiClient.JsonAsync(huge))["error_description"]!, StringComparison.Ordinal);
        }

        var client = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        Assert.Equal("http://localhost:5001/developer/logos/" + clientId, client.LogoUri);
    }
}
