using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Tests.Integration;
using PatientAccess.AuthServer.Tests.Integration.Enforcement;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.CrossProcess.Enforcement;

/// <summary>
/// Contract 1 across real processes (authserver, redis, the seeded fhir-store for member sign-in):
/// two members (two accounts of the demo member) authorize the demo app through the member pages, one in Spanish; the monitor's call
/// suspends it; the outbox holds exactly one mail per member in their language and one for the
/// plan contact; the gallery drops it; introspection and the revocation feed refuse its token;
/// reinstatement brings it back to the gallery with the old token still dead.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class EnforcementProcessTests(MemberServices stack) : IAsyncLifetime
{
    private const string Contact = "security@plan.example";
    private const string GatewaySecret = "process-gateway-secret";
    private readonly string _data = Directory.CreateTempSubdirectory("pa-enforce-process-").FullName;
    private ServiceProcess _server = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _server = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = _data,
            ["Redis__ConnectionString"] = stack.RedisConnectionString,
            ["Store__Url"] = stack.Store.BaseAddress.ToString(),
            ["Store__OperatorKey"] = TestKeys.Operator,
            ["Enforcement__PlanContacts__0"] = Contact,
            ["Introspection__ResourceServers__0__Id"] = "gateway",
            ["Introspection__ResourceServers__0__SecretHash"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(GatewaySecret))),
        });
        Assert.True(await _server.WaitReadyAsync(TimeSpan.FromSeconds(90)), _server.Output);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Suspend_RealProcess_MailsGalleryIntrospectionFeed_ThenReinstate()
    {
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_data, "demo-clients.json"), Ct))!.AsArray()
            .First(n => (string?)n!["client_secret"] is not null)!;
        var (clientId, secret, redirectUri) = ((string)demo["client_id"]!, (string)demo["client_secret"]!, (string)demo["redirect_uris"]![0]!);
        var english = MemberJourney.NewEmail();
        var spanish = MemberJourney.NewEmail();
        var tokens = await AuthorizeAsync(clientId, secret, redirectUri, MemberJourney.JohnAllen, english, "en");
        await AuthorizeAsync(clientId, secret, redirectUri, MemberJourney.JohnAllen, spanish, "es");
        using var admin = new HttpClient { BaseAddress = _server.BaseAddress };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
        Assert.Contains(clientId, await admin.GetStringAsync(new Uri("/api/gallery", UriKind.Relative), Ct), StringComparison.Ordinal);
        var before = OutboxMail.All(_data).Count;

        var answer = await EnforceAsync(admin, clientId, Enforce.Body("suspend", detector: "token-abuse", evidence: "2 reused refresh tokens"));

        Assert.Equal("suspended", (string)answer["status"]!);
        Assert.All(answer["steps"]!.AsArray(), s => Assert.Equal("done", (string)s!["state"]!));
        var mails = OutboxMail.All(_data).Skip(before).ToList();
        Assert.Equal(3, mails.Count);
        Assert.Equal("en", Assert.Single(mails, m => m.To == english).Language);
        var toSpanish = Assert.Single(mails, m => m.To == spanish);
        Assert.Equal("es", toSpanish.Language);
        Assert.Contains("Sus datos están seguros", toSpanish.Body, StringComparison.Ordinal);
        Assert.Contains("2 reused refresh tokens", Assert.Single(mails, m => m.To == Contact).Body, StringComparison.Ordinal);
        Assert.DoesNotContain(clientId, await admin.GetStringAsync(new Uri("/api/gallery", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.False(await ActiveAsync((string)tokens["access_token"]!));
        var feed = JsonNode.Parse(await admin.GetStringAsync(new Uri("/admin/revocations", UriKind.Relative), Ct))!;
        Assert.Contains(feed["revocations"]!.AsArray(), e => (string)e!["kind"]! == "client" && (string)e["id"]! == clientId);

        var reinstated = await EnforceAsync(admin, clientId, Enforce.Body("reinstate", actor: "staff:Dana", detector: null, reason: "reviewed: false positive"));

        Assert.Equal("production", (string)reinstated["status"]!);
        Assert.Contains(clientId, await admin.GetStringAsync(new Uri("/api/gallery", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.False(await ActiveAsync((string)tokens["access_token"]!));
        Assert.Equal(3, OutboxMail.All(_data).Count - before);
    }

    private static async Task<JsonObject> EnforceAsync(HttpClient admin, string clientId, JsonObject body)
    {
        using var response = await Enforce.SendAsync(admin, clientId, body);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<bool> ActiveAsync(string token)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/introspect", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token }),
        };
        request.Headers.Authorization = SmartApp.Basic("gateway", GatewaySecret);
        using var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return (bool)JsonNode.Parse(text)!["active"]!;
    }

    /// <summary>A standalone launch through the real member pages, in the member's language; returns the token response.</summary>
    private async Task<JsonObject> AuthorizeAsync(string clientId, string secret, string redirectUri, (string, string)[] identity, string email, string language)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var challenge = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = _server.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var driver = new MemberDriver(http);
        var query = QueryHelpers.AddQueryString("/oauth2/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = SmartApp.DefaultScope,
            ["state"] = "s" + Guid.NewGuid().ToString("N"),
            ["aud"] = SmartApp.FhirBase,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        });
        using (var start = await driver.GetAsync(query))
        {
            var location = MemberDriver.LocationOf(start);
            Assert.StartsWith("/member/authorize/", location, StringComparison.Ordinal);
            using (await driver.GetAsync(location))
            {
            }
        }

        using (var verified = await driver.SubmitAsync("/member/register", identity))
        {
            Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
        }

        using (await driver.SubmitAsync("/member/email", ("email", email)))
        {
        }

        using (await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(_data, email))))
        {
        }

        var redirect = await MemberJourney.ConsentAsync(driver);
        using var token = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code",
                ["code"] = MemberJourney.Code(redirect),
                ["redirect_uri"] = redirectUri,
                ["code_verifier"] = verifier,
            }),
        };
        token.Headers.Authorization = SmartApp.Basic(clientId, secret);
        using var plain = new HttpClient { BaseAddress = _server.BaseAddress };
        using var response = await plain.SendAsync(token, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }
}
