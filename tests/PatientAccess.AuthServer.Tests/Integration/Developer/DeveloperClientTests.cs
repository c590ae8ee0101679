using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.AuthServer.Tests.Unit.Developer;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>Registering apps in the portal: the secret once, rotation, editing, logos, and one developer never reaching another's apps.</summary>
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
        await AssertDemoGuideWorksAsync(host, driver.LastPage, clientId);
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
        using var token = await TokenAsync(host, clientId, secret!, "no-such-code");
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
    public async Task Create_BeyondTheAppsPerDeveloper_RefusedOnApiAndPage(string backend)
    {
        var host = await backends.FreshAsync(backend, new Dictionary<string, string?> { ["DeveloperPortal:MaxClientsPerDeveloper"] = "1" });
        var email = DeveloperDriver.NewEmail();
        using var api = await DeveloperApiClient.SignedUpAsync(host, email);
        await api.CreateAsync();
        using (var refused = await api.SendAsync(HttpMethod.Post, "/api/developer/clients", new JsonObject
        {
            ["name"] = "Second", ["client_type"] = "public", ["redirect_uris"] = new JsonArray("https://a.example/cb"),
        }))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("too_many_clients", (string)(await DeveloperApiClient.JsonAsync(refused))["error"]!);
        }

        using var driver = new DeveloperDriver(host);
        await driver.SignInAsync(email);
        using (await driver.GetAsync("/developer/clients/new"))
        {
        }

        using var page = await driver.PostAppAsync("/developer/clients/new", [("name", "Second"), ("client_type", "public"), ("redirect_uris", "https://a.example/cb")]);
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("the most apps one account may have (1)", driver.LastPage, StringComparison.Ordinal);
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

        var (code, verifier) = await DemoCodeAsync(host, clientId, "http://127.0.0.1:8765/callback");
        using (var refused = await TokenAsync(host, clientId, old, code, verifier, "http://127.0.0.1:8765/callback"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Equal("invalid_client", (string)(await DeveloperApiClient.JsonAsync(refused))["error"]!);
        }

        using var exchanged = await TokenAsync(host, clientId, fresh, code, verifier, "http://127.0.0.1:8765/callback");
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
    public async Task AnotherDevelopersApp_ByIdOnPagesAndApi_NotFoundAndUnchanged(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var owner = new DeveloperDriver(host);
        await owner.SignUpAsync(DeveloperDriver.NewEmail());
        var clientId = await owner.CreateAppAsync();
        var before = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;

        using var other = new DeveloperDriver(host);
        await other.SignUpAsync(DeveloperDriver.NewEmail());
        using (await other.GetAsync("/developer/clients/app-does-not-exist"))
        {
        }

        var missingPage = other.LastPage;
        foreach (var id in new[] { clientId, DemoClientSeeder.ConfidentialClientId })
        {
            using (var view = await other.GetAsync("/developer/clients/" + id))
            {
                Assert.Equal(HttpStatusCode.NotFound, view.StatusCode);
                Assert.Equal(Stripped(missingPage.Replace("app-does-not-exist", "ID", StringComparison.Ordinal)), Stripped(other.LastPage.Replace(id, "ID", StringComparison.Ordinal)));
                Assert.DoesNotContain(before.Name, other.LastPage, StringComparison.Ordinal);
            }

            using (var edit = await other.GetAsync("/developer/clients/" + id + "/edit"))
            {
                Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            }

            using (await other.GetAsync("/developer"))
            {
                Assert.DoesNotContain(id, other.LastPage, StringComparison.Ordinal);
            }

            using (var post = await other.PostAppAsync("/developer/clients/" + id + "/edit", [("name", "Hijacked"), ("redirect_uris", "https://evil.example/cb")]))
            {
                Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            }

            using (await other.GetAsync("/developer"))
            {
            }

            using (var rotate = await other.PostAsync("/developer/clients/" + id + "/secret", []))
            {
                Assert.Equal(HttpStatusCode.NotFound, rotate.StatusCode);
            }
        }

        using var api = await DeveloperApiClient.SignedUpAsync(host);
        using (var missing = await api.SendAsync(HttpMethod.Get, "/api/developer/clients/app-does-not-exist"))
        {
            var expected = await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            foreach (var (method, path, body) in new (HttpMethod, string, JsonObject?)[]
            {
                (HttpMethod.Get, "", null), (HttpMethod.Patch, "", new JsonObject { ["name"] = "Hijacked" }), (HttpMethod.Post, "/secret", null),
                (HttpMethod.Get, "/evidence", null), (HttpMethod.Delete, "/logo", null),
            })
            {
                using var response = await api.SendAsync(method, "/api/developer/clients/" + clientId + path, body);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal(expected, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            }

            using var logo = await api.SendBytesAsync(HttpMethod.Put, "/api/developer/clients/" + clientId + "/logo", LogoSamples.Png64, "image/png");
            Assert.Equal(HttpStatusCode.NotFound, logo.StatusCode);
        }

        using (var list = await api.SendAsync(HttpMethod.Get, "/api/developer/clients"))
        {
            Assert.DoesNotContain(clientId, await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var after = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        Assert.Equal((before.Name, before.SecretHash, before.LogoUri), (after.Name, after.SecretHash, after.LogoUri));
        Assert.Equal(before.RedirectUris, after.RedirectUris);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Forms_WithoutAntiforgeryToken_RefusedAndNothingChanged(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        var handle = await driver.SignUpAsync(DeveloperDriver.NewEmail());
        var clientId = await driver.CreateAppAsync();
        var before = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        using (await driver.GetAsync("/developer/clients/new"))
        {
        }

        using (var create = await driver.PostAppAsync("/developer/clients/new", [("name", "Forged"), ("client_type", "public"), ("redirect_uris", "https://evil.example/cb")], csrf: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        }

        using (var edit = await driver.PostAppAsync("/developer/clients/" + clientId + "/edit", [("name", "Forged"), ("redirect_uris", "https://evil.example/cb")], csrf: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, edit.StatusCode);
        }

        using (var rotate = await driver.PostAsync("/developer/clients/" + clientId + "/secret", [], csrf: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, rotate.StatusCode);
        }

        using (await driver.GetAsync("/developer"))
        {
            Assert.DoesNotContain("Forged", driver.LastPage, StringComparison.Ordinal);
        }

        var after = (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!;
        Assert.Equal((before.Name, before.SecretHash), (after.Name, after.SecretHash));
        Assert.Equal(before.RedirectUris, after.RedirectUris);

        // The API ignores the portal's cookie (under either name, whatever its path): a cross-site
        // request riding on it is refused, JSON or form, and changes nothing.
        using var http = host.Browser();
        foreach (var json in new[] { true, false })
        {
            foreach (var path in new[] { "/api/developer/clients", "/api/developer/clients/" + clientId + "/secret" })
            {
                HttpContent content = json
                    ? System.Net.Http.Json.JsonContent.Create(new JsonObject { ["name"] = "Forged", ["client_type"] = "public", ["redirect_uris"] = new JsonArray("https://evil.example/cb") })
                    : new FormUrlEncodedContent([KeyValuePair.Create("name", "Forged")]);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
                request.Headers.Add("Cookie", $"pa-developer={handle}; __Host-pa-developer={handle}");
                using var refused = await http.SendAsync(request, TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            }
        }

        // The same session is a good session: the pages accept it.
        using var page = new HttpRequestMessage(HttpMethod.Get, new Uri("/developer/clients/" + clientId, UriKind.Relative));
        page.Headers.Add("Cookie", $"pa-developer={handle}");
        using (var shown = await http.SendAsync(page, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        }

        Assert.Equal(before.SecretHash, (await host.Service<ClientRegistry>().FindAsync(clientId, CancellationToken.None))!.SecretHash);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Create_BadInputOnThePage_ErrorAtTheFieldAndNoApp(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        await driver.SignUpAsync(DeveloperDriver.NewEmail());
        var cases = new (string Redirects, Logo? Logo, string Field, string Message, HttpStatusCode Status)[]
        {
            ("http://app.example.com/cb", null, "redirect_uris", "uses http on another computer", HttpStatusCode.BadRequest),
            ("https://app.example.com/cb#x", null, "redirect_uris", "has a #fragment", HttpStatusCode.BadRequest),
            ("https://*.example.com/cb", null, "redirect_uris", "has a * wildcard", HttpStatusCode.BadRequest),
            ("https://me:pw@app.example.com/cb", null, "redirect_uris", "has a user name or password", HttpStatusCode.BadRequest),
            ("https://app.example.com/cb", new Logo([.. "GIF89a"u8, .. new byte[40]], "logo.png", "image/png"), "logo", "must be a PNG or JPEG image", HttpStatusCode.BadRequest),
            ("https://app.example.com/cb", new Logo("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "logo.png", "image/png"), "logo", "must be a PNG or JPEG image", HttpStatusCode.BadRequest),
            ("https://app.example.com/cb", new Logo([.. LogoSamples.Png64, .. new byte[300 * 1024]], "logo.png", "image/png"), "logo", "larger than 256 KB", HttpStatusCode.RequestEntityTooLarge),
            ("https://app.example.com/cb", new Logo(new byte[2 * 1024 * 1024], "logo.png", "image/png"), "logo", "larger than 256 KB", HttpStatusCode.RequestEntityTooLarge),
            ("https://app.example.com/cb", new Logo([.. LogoSamples.Png64, .. new byte[200 * 1024]], "logo.png", "image/png"), "logo", "damaged or incomplete", HttpStatusCode.BadRequest),
        };
        foreach (var (redirects, logo, field, message, status) in cases)
        {
            using (await driver.GetAsync("/developer/clients/new"))
            {
            }

            using var response = await driver.PostAppAsync("/developer/clients/new", [("name", "Bad App"), ("client_type", "confidential"), ("redirect_uris", redirects)], logo);
            Assert.Equal(status, response.StatusCode);
            Assert.Contains($"id=\"{field}-error\"", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains(message, driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("href=\"#" + field + "\"", driver.LastPage, StringComparison.Ordinal);
        }

        using (await driver.GetAsync("/developer"))
        {
            Assert.Contains("You have not registered an app yet", driver.LastPage, StringComparison.Ordinal);
        }
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
            using var old = await TokenAsync(host, clientId, secret, "x");
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            using var current = await TokenAsync(host, clientId, fresh, "x");
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

    /// <summary>The page's demo authorize URL is a PKCE S256 request for the verifier shown beside it, which the authorize endpoint accepts.</summary>
    private static async Task AssertDemoGuideWorksAsync(AuthServerHost host, string page, string clientId)
    {
        var url = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<pre><code>(http://localhost:5001/oauth2/authorize\\?[^<]+)</code></pre>").Groups[1].Value);
        var verifier = System.Text.RegularExpressions.Regex.Match(page, "<code id=\"code-verifier\">([^<]+)</code>").Groups[1].Value;
        var query = QueryHelpers.ParseQuery(new Uri(url).Query);
        Assert.Equal("code", query["response_type"].ToString());
        Assert.Equal(clientId, query["client_id"].ToString());
        Assert.Equal("S256", query["code_challenge_method"].ToString());
        Assert.Equal(AuthServer.Tokens.Pkce.ChallengeOf(verifier), query["code_challenge"].ToString());
        Assert.Equal(SmartApp.FhirBase, query["aud"].ToString());
        Assert.False(string.IsNullOrEmpty(query["state"].ToString()));
        Assert.Contains("Real apps use the standard SMART App Launch flow with PKCE", page, StringComparison.Ordinal);
        using var http = host.Browser();
        using var authorize = await http.GetAsync(new Uri(new Uri(url).PathAndQuery, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        Assert.StartsWith("/member/authorize/", authorize.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>A code for a demo member from the authorize endpoint and the member pages' completion, with its PKCE verifier.</summary>
    internal static async Task<(string Code, string Verifier)> DemoCodeAsync(AuthServerHost host, string clientId, string redirect, string patient = "demo-john-allen")
    {
        var verifier = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var http = host.Browser();
        using var authorize = await http.GetAsync(new Uri(QueryHelpers.AddQueryString("/oauth2/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirect, ["scope"] = "launch/patient openid patient/*.rs",
            ["state"] = "s-1", ["aud"] = SmartApp.FhirBase, ["code_challenge"] = AuthServer.Tokens.Pkce.ChallengeOf(verifier), ["code_challenge_method"] = "S256",
        }), UriKind.Relative), TestContext.Current.CancellationToken);
        var requestId = authorize.Headers.Location!.OriginalString["/member/authorize/".Length..];
        var outcome = await host.Service<IAuthorizationCompletion>().ApproveAsync(
            new AuthorizationApproval(requestId, "m-" + Guid.NewGuid().ToString("N"), patient, [], null), CancellationToken.None);
        return (QueryHelpers.ParseQuery(outcome.RedirectUri!.Query)["code"].ToString(), verifier);
    }

    private static async Task<HttpResponseMessage> TokenAsync(AuthServerHost host, string clientId, string secret, string code, string verifier = "v", string redirect = "https://app.example.com/callback")
    {
        using var http = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirect, ["code_verifier"] = verifier,
            }),
        };
        request.Headers.Authorization = SmartApp.Basic(clientId, secret);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Stripped(string page) => System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]+\"", "value=\"\"");
}
