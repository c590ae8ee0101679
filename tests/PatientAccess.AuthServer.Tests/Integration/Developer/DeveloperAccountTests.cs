using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tests.Integration.Member;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>Developer accounts: sign-up and sign-in by e-mailed code, sessions of their own, sign-out; pages and API.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class DeveloperAccountTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignUp_Pages_CodeCreatesAccountAndSessionCookieIsStrictAndHashed(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        var email = DeveloperDriver.NewEmail();
        using (await driver.GetAsync("/developer/signup"))
        {
        }

        using var sent = await driver.PostAsync("/developer/signup", [("name", "Ada Developer"), ("email", email)]);
        Assert.Equal("/developer/code", MemberDriver.LocationOf(sent));
        var cookie = sent.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-developer=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        using (await driver.GetAsync("/developer/code"))
        {
            Assert.Contains("We sent an e-mail to " + email, driver.LastPage, StringComparison.Ordinal);
        }

        using (var wrong = await driver.PostAsync("/developer/code", [("code", "000000")]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("4 tries left", driver.LastPage, StringComparison.Ordinal);
        }

        using var confirmed = await driver.PostAsync("/developer/code", [("code", Outbox.LatestCode(host.DataDirectory, email))]);
        Assert.Equal("/developer", MemberDriver.LocationOf(confirmed));
        var handle = confirmed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-developer=", StringComparison.Ordinal)).Split(';')[0]["pa-developer=".Length..];

        using (await driver.GetAsync("/developer"))
        {
            Assert.Contains("Signed in as " + email, driver.LastPage, StringComparison.Ordinal);
        }

        // Only the handle's hash is stored; the member's session table knows nothing of it.
        await using var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.True(await db.DeveloperSessions.AnyAsync(s => s.SessionHash == Secrets.Hash(handle), TestContext.Current.CancellationToken));
        Assert.False(await db.DeveloperSessions.AnyAsync(s => s.SessionHash == handle, TestContext.Current.CancellationToken));
        Assert.False(await db.MemberSessions.AnyAsync(s => s.SessionHash == Secrets.Hash(handle), TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignIn_KnownAndUnknownAddress_SameAnswerCodeOnlyToTheAccount(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        var known = DeveloperDriver.NewEmail();
        using (var owner = new DeveloperDriver(host))
        {
            await owner.SignUpAsync(known);
        }

        var unknown = DeveloperDriver.NewEmail();
        var pages = new List<string>();
        foreach (var email in new[] { known, unknown })
        {
            using var driver = new DeveloperDriver(host);
            using (await driver.GetAsync("/developer/signin"))
            {
            }

            using var sent = await driver.PostAsync("/developer/signin", [("email", email)]);
            Assert.Equal("/developer/code", MemberDriver.LocationOf(sent));
            using (await driver.GetAsync("/developer/code"))
            {
                pages.Add(driver.LastPage.Replace(email, "EMAIL", StringComparison.Ordinal));
            }

            if (email == known)
            {
                using var confirmed = await driver.PostAsync("/developer/code", [("code", Outbox.LatestCode(host.DataDirectory, email))]);
                Assert.Equal("/developer", MemberDriver.LocationOf(confirmed));
            }
        }

        Assert.Equal(DeveloperChecks.Stripped(pages[0]), DeveloperChecks.Stripped(pages[1]));
        Assert.Throws<InvalidOperationException>(() => Outbox.Latest(host.DataDirectory, unknown));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignUp_TakenAddress_SameAnswerAndTheOwnerIsToldWithoutACode(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        var email = DeveloperDriver.NewEmail();
        using (var owner = new DeveloperDriver(host))
        {
            await owner.SignUpAsync(email);
        }

        using var outsider = new DeveloperDriver(host);
        using (await outsider.GetAsync("/developer/signup"))
        {
        }

        using var sent = await outsider.PostAsync("/developer/signup", [("name", "Mallory"), ("email", email)]);
        Assert.Equal("/developer/code", MemberDriver.LocationOf(sent));
        var notice = Outbox.Latest(host.DataDirectory, email);
        Assert.Contains("already has one", notice, StringComparison.Ordinal);
        Assert.Equal(string.Empty, Outbox.LatestCode(host.DataDirectory, email));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignOut_EndsTheSessionOnTheServer(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        var kept = await driver.SignUpAsync(DeveloperDriver.NewEmail());
        using (await driver.GetAsync("/developer"))
        {
        }

        using var signedOut = await driver.PostAsync("/developer/signout", []);
        Assert.Equal("/developer?signedout=1", MemberDriver.LocationOf(signedOut));

        // The old cookie, replayed by someone who copied it, is worth nothing now.
        using var replay = host.Browser();
        replay.DefaultRequestHeaders.Add("Cookie", "pa-developer=" + kept);
        using var page = await replay.GetAsync(new Uri("/developer/clients/new", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignUp_WithoutAntiforgeryToken_RefusedAndNothingSent(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var driver = new DeveloperDriver(host);
        var email = DeveloperDriver.NewEmail();
        using (await driver.GetAsync("/developer/signup"))
        {
        }

        using var forged = await driver.PostAsync("/developer/signup", [("name", "Ada"), ("email", email)], csrf: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Throws<InvalidOperationException>(() => Outbox.Latest(host.DataDirectory, email));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Api_SignUpVerifySignOut_BearerSessionOnly(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var api = new DeveloperApiClient(host);
        var email = DeveloperDriver.NewEmail();
        using var started = await api.SendAsync(HttpMethod.Post, "/api/developer/signup", new JsonObject { ["email"] = email, ["name"] = "Api Dev" });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var verification = (string)(await DeveloperApiClient.JsonAsync(started))["verification_token"]!;

        // The verification token alone is not a session.
        using (var me = await SendWithTokenAsync(host, verification))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using (var wrong = await api.SendAsync(HttpMethod.Post, "/api/developer/verify", new JsonObject { ["verification_token"] = verification, ["code"] = "000000" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Equal("invalid_code", (string)(await DeveloperApiClient.JsonAsync(wrong))["error"]!);
        }

        using var verified = await api.SendAsync(HttpMethod.Post, "/api/developer/verify", new JsonObject { ["verification_token"] = verification, ["code"] = Outbox.LatestCode(host.DataDirectory, email) });
        var token = (string)(await DeveloperApiClient.JsonAsync(verified))["access_token"]!;
        Assert.NotEqual(verification, token);
        using (var me = await SendWithTokenAsync(host, token))
        {
            Assert.Equal(email, (string)(await DeveloperApiClient.JsonAsync(me))["email"]!);
        }

        using (var replayed = await api.SendAsync(HttpMethod.Post, "/api/developer/verify", new JsonObject { ["verification_token"] = verification, ["code"] = Outbox.LatestCode(host.DataDirectory, email) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, replayed.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/developer/signout", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        using var http = host.Browser();
        using (var signedOut = await http.SendAsync(request, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.NoContent, signedOut.StatusCode);
        }

        using var after = await SendWithTokenAsync(host, token);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("Bearer", after.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Api_CodeSends_ThrottledPerAddressAndClient(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var api = new DeveloperApiClient(host);
        var email = DeveloperDriver.NewEmail();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await api.SendAsync(HttpMethod.Post, "/api/developer/signin", new JsonObject { ["email"] = email });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }, statuses);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Api_BadBodies_JsonErrorsNever500(string backend)
    {
        var host = await DeveloperHosts.ForAsync(backends, backend);
        using var http = host.Browser();
        using var form = await http.PostAsync(new Uri("/api/developer/signup", UriKind.Relative), new FormUrlEncodedContent([KeyValuePair.Create("email", "a@example.com")]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        using var broken = await http.PostAsync(new Uri("/api/developer/signup", UriKind.Relative), new StringContent("{\"email\":", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        using var wrongType = await http.PostAsync(new Uri("/api/developer/signup", UriKind.Relative), new StringContent("{\"email\":[1],\"name\":2}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal("invalid_request", (string)(await DeveloperApiClient.JsonAsync(wrongType))["error"]!);
        using var badEmail = await http.PostAsync(new Uri("/api/developer/signin", UriKind.Relative), new StringContent("{\"email\":\"not-an-address\"}", System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Session_UsedEveryHour_EndsIdleAfterAnHourAndAtMostAfterTwelve(string backend)
    {
        var host = await backends.FreshAsync(backend);
        using var api = await DeveloperApiClient.SignedUpAsync(host);
        var token = api.AccessToken!;
        var elapsed = TimeSpan.Zero;
        while (elapsed < TimeSpan.FromHours(13))
        {
            host.Clock.Advance(TimeSpan.FromMinutes(59));
            elapsed += TimeSpan.FromMinutes(59);
            using var me = await SendWithTokenAsync(host, token);
            Assert.Equal(elapsed < TimeSpan.FromHours(12) ? HttpStatusCode.OK : HttpStatusCode.Unauthorized, me.StatusCode);
        }

        using var idle = await DeveloperApiClient.SignedUpAsync(host);
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        using var expired = await SendWithTokenAsync(host, idle.AccessToken!);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendWithTokenAsync(AuthServerHost host, string token)
    {
        using var http = host.Browser();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/developer/me", UriKind.Relative));
        request.Headers.Authorization = new("Bearer", token);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
