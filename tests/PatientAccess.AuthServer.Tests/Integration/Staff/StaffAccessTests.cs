using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.AuthServer.Tests.Integration.Production;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Staff;

/// <summary>
/// The staff credential: the staff key opens <c>/api/staff</c> (Bearer) and the <c>/staff</c>
/// pages (Bearer, or the session its sign-in sets); every other credential the system knows is 401.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class StaffAccessTests(AuthBackends backends)
{
    private static readonly string[] ApiRoutes = ["GET /api/staff/me", "GET /api/staff/requests", "GET /api/staff/reviews", "POST /api/staff/requests/any/approve"];
    private static readonly string[] PageRoutes = ["/staff/requests", "/staff/reviews", "/staff/requests/any"];

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task StaffApi_StaffKey_OpensAndRecordsFingerprintNotKey(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        using var staff = StaffKey.Client(host);
        using var me = await staff.GetAsync(new Uri("/api/staff/me", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await me.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(StaffKey.Actor, (string)JsonNode.Parse(body)!["actor"]!);
        Assert.DoesNotContain(StaffKey.Value, body, StringComparison.Ordinal);

        // The staff key is not an admin key: the monitor's machine API stays closed to it.
        using var admin = await staff.PostAsync(new Uri("/admin/clients/demo-public-app/suspend", UriKind.Relative), null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, admin.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task StaffApiAndPages_EveryOtherCredential_401(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var credentials = await OtherCredentialsAsync(host);
        credentials["staff session cookie (pages only)"] = await StaffSessionCookieAsync(host);
        foreach (var (name, apply) in credentials)
        {
            foreach (var route in ApiRoutes)
            {
                var (method, path) = (route.Split(' ')[0], route.Split(' ')[1]);
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                if (method == "POST")
                {
                    request.Content = new StringContent("{\"reason\":\"x\"}", System.Text.Encoding.UTF8, "application/json");
                }

                apply(request);
                using var response = await host.Browser().SendAsync(request, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} on {route}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }

            if (name.StartsWith("staff session", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var path in PageRoutes)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                apply(request);
                using var response = await host.Browser().SendAsync(request, TestContext.Current.CancellationToken);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name} on {path}: {(int)response.StatusCode}");
                Assert.Contains("/staff/signin", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignIn_StaffKey_StrictHttpOnlySessionHashedAtRestAndSignOutEndsIt(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        using var driver = new MemberDriver(host.Browser());
        using (await driver.GetAsync("/staff/signin"))
        {
            Assert.Equal(HttpStatusCode.OK, driver.LastStatus);
        }

        using var signedIn = await driver.PostAsync("/staff/signin", [KeyValuePair.Create("key", StaffKey.Value)]);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal("/staff/requests", MemberDriver.LocationOf(signedIn));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/staff", cookie, StringComparison.OrdinalIgnoreCase);
        var handle = cookie["pa-staff=".Length..cookie.IndexOf(';', StringComparison.Ordinal)];

        using (await driver.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.OK, driver.LastStatus);
        }

        await using (var db = await host.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            var session = await db.StaffSessions.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(Secrets.Hash(handle), session.SessionHash);
            Assert.Equal(StaffKey.Actor, session.Actor);
            var action = await db.StaffActions.SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(("staff.signed_in", StaffKey.Actor), (action.Action, action.Actor));
        }

        using (var signedOut = await driver.PostAsync("/staff/signout", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        }

        using (await driver.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, driver.LastStatus);
        }

        // The old handle, replayed by hand, is dead too.
        using var replay = new HttpRequestMessage(HttpMethod.Get, new Uri("/staff/requests", UriKind.Relative));
        replay.Headers.Add("Cookie", "pa-staff=" + handle);
        using var replayed = await host.Browser().SendAsync(replay, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignIn_AnyOtherSecret_401WithTheErrorAtTheKeyField(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        var demo = host.Demo();
        foreach (var secret in new[] { "not-a-key", TestKeys.Operator, TestKeys.RevocationFeed, demo.ConfidentialSecret, StaffKey.Value[..^1], StaffKey.Value + "x" })
        {
            using var driver = new MemberDriver(host.Browser());
            using (await driver.GetAsync("/staff/signin"))
            {
            }

            using var refused = await driver.PostAsync("/staff/signin", [KeyValuePair.Create("key", secret)]);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.Contains("id=\"key-error\"", driver.LastPage, StringComparison.Ordinal);
            Assert.Contains("aria-describedby=\"key-hint key-error\"", driver.LastPage, StringComparison.Ordinal);
            Assert.False(refused.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("pa-staff=", StringComparison.Ordinal)));
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task SignIn_WithoutAntiforgeryToken_RefusedAndNoSession(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings());
        using var driver = new MemberDriver(host.Browser());
        using (await driver.GetAsync("/staff/signin"))
        {
        }

        using var refused = await driver.PostAsync("/staff/signin", [KeyValuePair.Create("key", StaffKey.Value)], csrf: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using (await driver.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, driver.LastStatus);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Session_AfterSessionMinutes_Refused(string backend)
    {
        await using var host = await backends.FreshAsync(backend, StaffKey.Settings(new Dictionary<string, string?> { ["Staff:SessionMinutes"] = "20" }));
        using var driver = new MemberDriver(host.Browser());
        using (await driver.GetAsync("/staff/signin"))
        {
        }

        using (await driver.PostAsync("/staff/signin", [KeyValuePair.Create("key", StaffKey.Value)]))
        {
        }

        host.Clock.Advance(TimeSpan.FromMinutes(19));
        using (await driver.GetAsync("/staff/reviews"))
        {
            Assert.Equal(HttpStatusCode.OK, driver.LastStatus);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(2));
        using (await driver.GetAsync("/staff/reviews"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, driver.LastStatus);
        }
    }

    [Fact]
    public async Task StaffKeyHashes_NotConfigured_EvenTheKeyIsRefused()
    {
        var host = backends[AuthBackends.Sqlite];
        using var staff = StaffKey.Client(host);
        using var response = await staff.GetAsync(new Uri("/api/staff/me", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>Every credential of another audience, each as a way to dress a request.</summary>
    private static async Task<Dictionary<string, Action<HttpRequestMessage>>> OtherCredentialsAsync(AuthServerHost host)
    {
        var app = new SmartApp(host);
        var accessToken = (string)(await app.LaunchAsync())["access_token"]!;
        var memberCookie = await MemberSessionCookieAsync(host);
        return new()
        {
            ["no credential"] = _ => { },
            ["wrong key"] = r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-the-staff-key"),
            ["staff key as Basic"] = r => r.Headers.Authorization = new AuthenticationHeaderValue("Basic", StaffKey.Value),
            ["app access token"] = r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken),
            ["client secret as Bearer"] = r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Secret),
            ["client credentials as Basic"] = r => r.Headers.Authorization = SmartApp.Basic(app.ClientId, app.Secret),
            ["admin key"] = r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator),
            ["revocation feed key"] = r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.RevocationFeed),
            ["member session cookie"] = r => r.Headers.Add("Cookie", memberCookie),
        };
    }

    private static async Task<string> MemberSessionCookieAsync(AuthServerHost host)
    {
        var requestId = await new SmartApp(host).StartAsync();
        using var page = await host.Browser().GetAsync(new Uri("/member/authorize/" + requestId, UriKind.Relative), TestContext.Current.CancellationToken);
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-member=", StringComparison.Ordinal));
        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<Action<HttpRequestMessage>> StaffSessionCookieAsync(AuthServerHost host)
    {
        using var driver = new MemberDriver(host.Browser());
        using (await driver.GetAsync("/staff/signin"))
        {
        }

        using var signedIn = await driver.PostAsync("/staff/signin", [KeyValuePair.Create("key", StaffKey.Value)]);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-staff=", StringComparison.Ordinal));
        var pair = cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
        return r => r.Headers.Add("Cookie", pair);
    }
}
