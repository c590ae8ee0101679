using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.AuthServer.Tests.Integration.Production;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.CrossProcess.Staff;

/// <summary>
/// The staff key against the real server process configured as <c>./run.sh</c> does (hashes in
/// environment variables): it opens the staff API and the staff sign-in; the admin key, the feed
/// key, an app's secret and a staff session on the API are each 401; the key never reaches the log.
/// </summary>
public sealed class StaffKeyProcessTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("pa-staff-process-").FullName;
    private RedisServer _redis = null!;
    private ServiceProcess _server = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["Admin__ApiKeyHashes__0"] = TestKeys.AdminHash,
            ["Admin__RevocationFeedKeyHashes__0"] = TestKeys.RevocationFeedHash,
        });
        Assert.True(await _server.WaitReadyAsync(TimeSpan.FromSeconds(60)), _server.Output);
    }

    [Fact]
    public async Task StaffApi_OnlyTheStaffKeyOpensIt_EveryOtherCredential401()
    {
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "demo-clients.json"), TestContext.Current.CancellationToken))!.AsArray()[0]!;
        var (clientId, secret) = ((string)demo["client_id"]!, (string)demo["client_secret"]!);
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        using (var me = await SendAsync(http, "/api/staff/me", new AuthenticationHeaderValue("Bearer", StaffKey.Value)))
        {
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal(StaffKey.Actor, (string)(await SmartApp.JsonAsync(me))["actor"]!);
        }

        var staffSession = await StaffSessionCookieAsync();
        var others = new (string Name, AuthenticationHeaderValue? Header, string? Cookie)[]
        {
            ("none", null, null),
            ("admin key", new("Bearer", TestKeys.Admin), null),
            ("revocation feed key", new("Bearer", TestKeys.RevocationFeed), null),
            ("client secret", new("Bearer", secret), null),
            ("client credentials", SmartApp.Basic(clientId, secret), null),
            ("staff key, wrong scheme", new("Basic", StaffKey.Value), null),
            ("staff session on the API", null, staffSession),
        };
        foreach (var (name, header, cookie) in others)
        {
            foreach (var path in new[] { "/api/staff/me", "/api/staff/requests", "/api/staff/reviews" })
            {
                using var refused = await SendAsync(http, path, header, cookie);
                Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{name} on {path}: {(int)refused.StatusCode}");
            }
        }

        // The admin key still works where it belongs, and the staff key does not open it.
        using (var adminOk = await SendAsync(http, "/admin/clients/" + clientId, new AuthenticationHeaderValue("Bearer", TestKeys.Admin)))
        {
            Assert.Equal(HttpStatusCode.OK, adminOk.StatusCode);
        }

        using (var staffOnAdmin = await SendAsync(http, "/admin/clients/" + clientId, new AuthenticationHeaderValue("Bearer", StaffKey.Value)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, staffOnAdmin.StatusCode);
        }

        Assert.DoesNotContain(StaffKey.Value, _server.Output, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _redis.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, AuthenticationHeaderValue? header, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = header;
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Signs in on the real staff page (antiforgery and all); returns the staff session cookie.</summary>
    private async Task<string> StaffSessionCookieAsync()
    {
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true };
        using var browser = new HttpClient(handler) { BaseAddress = _server.BaseAddress };
        using var driver = new MemberDriver(browser);
        using (await driver.GetAsync("/staff/signin"))
        {
        }

        using var signedIn = await driver.PostAsync("/staff/signin", [KeyValuePair.Create("key", StaffKey.Value)]);
        Assert.Equal("/staff/requests", MemberDriver.LocationOf(signedIn));
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pa-staff=", StringComparison.Ordinal));
        using (await driver.GetAsync("/staff/requests"))
        {
            Assert.Equal(HttpStatusCode.OK, driver.LastStatus);
        }

        return cookie[..cookie.IndexOf(';', StringComparison.Ordinal)];
    }
}
