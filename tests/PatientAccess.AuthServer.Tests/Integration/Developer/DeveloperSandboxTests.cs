using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Developer;

/// <summary>
/// An app registered through the API starts in the sandbox: the member pages refuse it a real
/// member, take it through for a demo member, and the successful demo exchange shows up as
/// evidence on the app's page and in the API, and stays there after the member revokes the grant.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class DeveloperSandboxTests(MemberServices stack)
{
    private const string Redirect = "http://127.0.0.1:8765/callback";

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task ApiCreatedApp_RealMemberRefusedDemoMemberCountedAsEvidence(string backend)
    {
        var host = await stack.HostAsync(backend);
        using var api = await DeveloperApiClient.SignedUpAsync(host);
        var created = await api.CreateAsync(type: "confidential", redirect: Redirect);
        var clientId = (string)created["client_id"]!;
        var secret = (string)created["client_secret"]!;

        using (var none = await api.SendAsync(HttpMethod.Get, $"/api/developer/clients/{clientId}/evidence"))
        {
            var body = await DeveloperApiClient.JsonAsync(none);
            Assert.Equal(0, (int)body["successful_demo_token_exchanges"]!);
            Assert.Null(body["last_exchange_at"]);
            Assert.Null(body["fhir_reads_by_resource_type"]);
        }

        // A real (synthetic, non-demo) member: refused, as the portal says.
        var verifier = WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using (var driver = new MemberDriver(host))
        {
            using (await driver.GetAsync(await AuthorizeAsync(host, clientId, verifier)))
            {
            }

            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, await RealMemberAsync(), MemberJourney.NewEmail()));
            using var refused = await driver.GetAsync("/member/choose");
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // John Allen, the demo member: through to a token.
        JsonObject tokens;
        using (var driver = new MemberDriver(host))
        {
            using (await driver.GetAsync(await AuthorizeAsync(host, clientId, verifier)))
            {
            }

            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, MemberJourney.JohnAllen, MemberJourney.NewEmail()));
            var redirect = await MemberJourney.ConsentAsync(driver);
            using var http = host.Browser();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "authorization_code", ["code"] = MemberJourney.Code(redirect), ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
                }),
            };
            request.Headers.Authorization = SmartApp.Basic(clientId, secret);
            using var exchanged = await http.SendAsync(request, TestContext.Current.CancellationToken);
            tokens = await DeveloperApiClient.JsonAsync(exchanged);
            Assert.True(exchanged.IsSuccessStatusCode, tokens.ToJsonString());
            Assert.Equal("demo-john-allen", (string)tokens["patient"]!);

            // The member revokes the grant (which deletes its code): the evidence stays.
            using (await driver.GetAsync("/member/apps"))
            {
                var grant = System.Text.RegularExpressions.Regex.Match(driver.LastPage, "name=\"grant\" value=\"([^\"]+)\"").Groups[1].Value;
                using var revoked = await driver.PostAsync("/member/apps/revoke", [KeyValuePair.Create("grant", grant)]);
                Assert.True(revoked.StatusCode is HttpStatusCode.SeeOther or HttpStatusCode.OK, driver.LastPage);
            }
        }

        using (var evidence = await api.SendAsync(HttpMethod.Get, $"/api/developer/clients/{clientId}/evidence"))
        {
            var body = await DeveloperApiClient.JsonAsync(evidence);
            Assert.Equal(1, (int)body["successful_demo_token_exchanges"]!);
            Assert.Equal(1, (int)body["demo_members"]!);
            Assert.NotNull((string?)body["last_exchange_at"]);
        }

        // The app's page shows the same evidence to the same developer, signed in through the pages.
        using var portal = new DeveloperDriver(host);
        await portal.SignInAsync(api.Email!);
        using (await portal.GetAsync("/developer/clients/" + clientId))
        {
            Assert.Matches("Successful demo token exchanges</dt><dd>1</dd>", portal.LastPage);
            Assert.Matches("Demo members</dt><dd>1</dd>", portal.LastPage);
            Assert.DoesNotMatch("Last successful exchange</dt><dd>None yet</dd>", portal.LastPage);
            Assert.Contains("monitor is not connected to the portal", System.Net.WebUtility.HtmlDecode(portal.LastPage), StringComparison.Ordinal);
        }
    }

    private static async Task<string> AuthorizeAsync(AuthServerHost host, string clientId, string verifier)
    {
        using var http = host.Browser();
        using var authorize = await http.GetAsync(new Uri(QueryHelpers.AddQueryString("/oauth2/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = Redirect, ["scope"] = SmartApp.DefaultScope,
            ["state"] = "s-" + Guid.NewGuid().ToString("N"), ["aud"] = SmartApp.FhirBase,
            ["code_challenge"] = AuthServer.Tokens.Pkce.ChallengeOf(verifier), ["code_challenge_method"] = "S256",
        }), UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        return authorize.Headers.Location!.OriginalString;
    }

    private async Task<(string, string)[]> RealMemberAsync()
    {
        using var http = new HttpClient { BaseAddress = stack.Store.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
        var bundle = JsonNode.Parse(await http.GetStringAsync(new Uri("/r4/Patient?_count=50", UriKind.Relative), TestContext.Current.CancellationToken))!;
        var patient = bundle["entry"]!.AsArray()
            .Select(e => e!["resource"]!)
            .First(p => !((string)p["id"]!).StartsWith("demo-", StringComparison.Ordinal) && !((string)p["id"]!).StartsWith("family-", StringComparison.Ordinal));
        var name = patient["name"]![0]!;
        var memberId = patient["identifier"]!.AsArray().First(i => (string?)i!["system"] == "http://example.org/fhir/sid/member-id")!["value"]!;
        return
        [
            ("first_name", (string)name["given"]![0]!), ("last_name", (string)name["family"]!), ("birth_date", (string)patient["birthDate"]!),
            ("member_id", (string)memberId!), ("zip", ((string)patient["address"]![0]!["postalCode"]!)[..5]),
        ];
    }
}
