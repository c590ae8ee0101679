using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// The plan's documented test flow: <c>/oauth2/authorize/test?client_id=...&amp;redirect_uri=...</c>,
/// then a token request with only client_id, client_secret, grant_type and code. Confidential
/// clients and demo members only; its codes are exchangeable by that client with its secret and by
/// nothing else.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class TestFlowTests(MemberServices stack)
{
    public static TheoryData<string> Backends => AuthBackends.Names;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task TestFlow_DemoMember_CodeExchangedWithOnlyClientIdSecretGrantTypeAndCode(string backend)
    {
        var host = await stack.HostAsync(backend);
        var app = new SmartApp(host);
        var redirect = await AuthorizeAsDemoMemberAsync(host, app);
        Assert.StartsWith(app.RedirectUri + "?code=", redirect.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("http://localhost:5001", QueryHelpers.ParseQuery(redirect.Query)["iss"].ToString());

        using var response = await PostTokenAsync(host, new()
        {
            ["client_id"] = app.ClientId, ["client_secret"] = app.Secret, ["grant_type"] = "authorization_code", ["code"] = MemberJourney.Code(redirect),
        });
        var body = await SmartApp.JsonAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("demo-john-allen", (string?)body["patient"]);

        // Read and search only, as the client may have them; no refresh token.
        var scopes = ((string)body["scope"]!).Split(' ');
        Assert.Contains("patient/*.rs", scopes);
        Assert.All(scopes.Where(s => s.Contains('/', StringComparison.Ordinal) && s != "launch/patient"), s => Assert.EndsWith(".rs", s, StringComparison.Ordinal));
        Assert.Null(body["refresh_token"]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task TestFlowCode_AnyoneButItsClientWithItsSecret_RefusedWithTheRightError(string backend)
    {
        var host = await stack.HostAsync(backend);
        var app = new SmartApp(host);
        var other = await host.Service<ClientRegistry>().RegisterAsync(
            new ClientRegistration("other-app", "Other App", ClientType.Confidential, ClientStatus.Production, [app.RedirectUri], ClientOptions.DefaultDemoScopes),
            CancellationToken.None);
        var code = MemberJourney.Code(await AuthorizeAsDemoMemberAsync(host, app));

        // No secret: the client is not authenticated.
        await AssertRefusedAsync(host, new() { ["client_id"] = app.ClientId, ["grant_type"] = "authorization_code", ["code"] = code }, HttpStatusCode.Unauthorized, "invalid_client");

        // The public demo app, and another confidential app with its own secret.
        await AssertRefusedAsync(host, new() { ["client_id"] = DemoClientSeeder.PublicClientId, ["grant_type"] = "authorization_code", ["code"] = code }, HttpStatusCode.BadRequest, "invalid_grant");
        await AssertRefusedAsync(host, new() { ["client_id"] = "other-app", ["client_secret"] = other!, ["grant_type"] = "authorization_code", ["code"] = code }, HttpStatusCode.BadRequest, "invalid_grant");

        // Its own client, but through the PKCE exchange: a test code has no challenge any verifier could match.
        await AssertRefusedAsync(
            host,
            new() { ["client_id"] = app.ClientId, ["client_secret"] = app.Secret, ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = app.RedirectUri, ["code_verifier"] = app.Verifier },
            HttpStatusCode.BadRequest,
            "invalid_grant");

        // None of that spent the code: its client with its secret still gets the token.
        using var right = await PostTokenAsync(host, new() { ["client_id"] = app.ClientId, ["client_secret"] = app.Secret, ["grant_type"] = "authorization_code", ["code"] = code });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task StandardCode_WithoutPkceOrRedirectUri_InvalidRequest(string backend)
    {
        var host = await stack.HostAsync(backend);
        var app = new SmartApp(host);
        var code = await app.CodeAsync();
        await AssertRefusedAsync(host, new() { ["client_id"] = app.ClientId, ["client_secret"] = app.Secret, ["grant_type"] = "authorization_code", ["code"] = code }, HttpStatusCode.BadRequest, "invalid_request");
        await AssertRefusedAsync(
            host, new() { ["client_id"] = app.ClientId, ["client_secret"] = app.Secret, ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = app.RedirectUri }, HttpStatusCode.BadRequest, "invalid_request");
        using var right = await app.ExchangeAsync(code);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Fact]
    public async Task TestFlow_RealMember_SandboxRefusalPageAndOnlyAccessDeniedBack()
    {
        var host = await stack.HostAsync();
        var app = new SmartApp(host);
        using var driver = new MemberDriver(host);
        using (var start = await driver.GetAsync(TestUrl(app.ClientId, app.RedirectUri)))
        {
            using (await driver.GetAsync(MemberDriver.LocationOf(start)))
            {
                Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, await MemberJourney.RealMemberAsync(stack.Store), MemberJourney.NewEmail()));
            }
        }

        using (var refused = await driver.GetAsync("/member/choose"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("test sign-in, which works only with the health plan", driver.LastPage, StringComparison.Ordinal);
        }

        using (var forced = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]))
        {
            Assert.NotEqual(HttpStatusCode.SeeOther, forced.StatusCode);
        }

        using (await driver.GetAsync("/member/choose"))
        {
            using var back = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "deny")]);
            Assert.Equal("access_denied", QueryHelpers.ParseQuery(new Uri(MemberDriver.LocationOf(back)).Query)["error"].ToString());
        }
    }

    [Theory]
    [InlineData(DemoClientSeeder.PublicClientId, "http://127.0.0.1:8765/callback", "unauthorized_client")]
    [InlineData(DemoClientSeeder.ConfidentialClientId, "https://evil.example/callback", "invalid_request")]
    [InlineData(DemoClientSeeder.ConfidentialClientId, "http://127.0.0.1:8765/other", "invalid_request")]
    [InlineData("unknown-app", "http://127.0.0.1:8765/callback", "invalid_request")]
    public async Task TestFlow_PublicClientOrUnregisteredRedirect_ErrorPageNeverRedirects(string clientId, string redirectUri, string error)
    {
        var host = await stack.HostAsync();
        using var response = await host.Browser().GetAsync(new Uri(TestUrl(clientId, redirectUri), UriKind.Relative), TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains($"<code>{error}</code>", page, StringComparison.Ordinal);
        Assert.Contains("<h1>Cannot connect this app</h1>", page, StringComparison.Ordinal);
        if (clientId == DemoClientSeeder.PublicClientId)
        {
            Assert.Contains("Public apps use the standard SMART sign-in with PKCE.", page, StringComparison.Ordinal);
        }
    }

    private static string TestUrl(string clientId, string redirectUri) =>
        QueryHelpers.AddQueryString("/oauth2/authorize/test", new Dictionary<string, string?> { ["client_id"] = clientId, ["redirect_uri"] = redirectUri });

    /// <summary>The documented URL, then John Allen registered and consenting; returns the redirect to the app.</summary>
    private static async Task<Uri> AuthorizeAsDemoMemberAsync(AuthServerHost host, SmartApp app)
    {
        using var driver = new MemberDriver(host);
        using var start = await driver.GetAsync(TestUrl(app.ClientId, app.RedirectUri));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        using (await driver.GetAsync(MemberDriver.LocationOf(start)))
        {
            Assert.Contains("Sunrise Health Notes", driver.LastPage, StringComparison.Ordinal);
            Assert.Equal("/member/choose", await MemberJourney.RegisterAsync(driver, host, MemberJourney.JohnAllen, MemberJourney.NewEmail()));
        }

        using (await driver.GetAsync("/member/choose"))
        {
        }

        using (await driver.SubmitAsync("/member/sharing"))
        {
        }

        using (await driver.GetAsync("/member/approve"))
        {
            Assert.Contains("test sign-in", driver.LastPage, StringComparison.Ordinal);
        }

        using var approved = await driver.PostAsync("/member/approve", [KeyValuePair.Create("decision", "allow")]);
        return new Uri(MemberDriver.LocationOf(approved));
    }

    private static async Task<HttpResponseMessage> PostTokenAsync(AuthServerHost host, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await host.Browser().PostAsync(new Uri("/oauth2/token", UriKind.Relative), content);
    }

    private static async Task AssertRefusedAsync(AuthServerHost host, Dictionary<string, string> form, HttpStatusCode status, string error)
    {
        using var response = await PostTokenAsync(host, form);
        JsonObject body = await SmartApp.JsonAsync(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(error, (string?)body["error"]);
    }
}
