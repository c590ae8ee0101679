using System.Net;
using PatientAccess.AuthServer.Tests.Integration.Admin;

namespace PatientAccess.AuthServer.Tests.Integration.Tokens;

/// <summary>
/// Issue 12 item 19 and its class: whoever presents a code or token must first be shown to be
/// the client it was issued to (and, for a code, to hold its PKCE verifier) before anything is
/// revoked on its account.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class CodeOwnershipTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_UsedCodeFromAnotherClient_InvalidGrantRevokesNothing(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var code = await app.CodeAsync();
        using var exchange = await app.ExchangeAsync(code);
        var tokens = await SmartApp.JsonAsync(exchange);

        // Another client, even with the right verifier and redirect_uri.
        using var stolen = await new SmartApp(backends[backend], confidential: false).ExchangeAsync(code, app.Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, stolen.StatusCode);
        var body = await SmartApp.JsonAsync(stolen);
        Assert.Equal("invalid_grant", (string)body["error"]!);
        Assert.Contains("another client", (string)body["error_description"]!, StringComparison.Ordinal);

        await AssertGrantAliveAsync(backends[backend], app, tokens);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_UsedPublicCodeWithoutVerifier_InvalidGrantRevokesNothing(string backend)
    {
        // A public client's id is no secret: anyone holding a used code from a browser history can send it.
        var app = new SmartApp(backends[backend], confidential: false);
        var code = await app.CodeAsync();
        using var exchange = await app.ExchangeAsync(code);
        var tokens = await SmartApp.JsonAsync(exchange);

        using var noVerifier = await app.ExchangeAsync(code, verifier: new SmartApp(backends[backend]).Verifier);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(noVerifier))["error"]!);
        using var wrongRedirect = await app.ExchangeAsync(code, redirectUri: "http://127.0.0.1:8765/elsewhere");
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(wrongRedirect))["error"]!);

        await AssertGrantAliveAsync(backends[backend], app, tokens);

        // The app's own verifier replaying the used code is the theft the rule is for: the grant ends.
        using var replay = await app.ExchangeAsync(code);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(replay))["error"]!);
        using var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(refresh))["error"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Revoke_AnotherClientsAccessToken_RefusedAndStillActive(string backend)
    {
        var host = backends[backend];
        var tokens = await new SmartApp(host).LaunchAsync();
        using var response = await new SmartApp(host, confidential: false).PostAsync("/oauth2/revoke", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(response))["error"]!);
        using var introspect = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.True((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
    }

    private static async Task AssertGrantAliveAsync(AuthServerHost host, SmartApp app, System.Text.Json.Nodes.JsonObject tokens)
    {
        using var introspection = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.True((bool)(await SmartApp.JsonAsync(introspection))["active"]!);

        using var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
    }
}
