using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Tests.Unit.Developer;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>What the portal refuses: another developer's apps by id, posts without the antiforgery token, the API riding on the cookie, bad input, too many apps.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class DeveloperClientAbuseTests(AuthBackends backends)
{
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
                Assert.Equal(DeveloperChecks.Stripped(missingPage.Replace("app-does-not-exist", "ID", StringComparison.Ordinal)), DeveloperChecks.Stripped(other.LastPage.Replace(id, "ID", StringComparison.Ordinal)));
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
}
