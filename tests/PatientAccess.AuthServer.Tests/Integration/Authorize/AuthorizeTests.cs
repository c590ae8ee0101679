using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Authorize;

namespace PatientAccess.AuthServer.Tests.Integration.Authorize;

[Collection(AuthTestGroup.Name)]
public sealed class AuthorizeTests(AuthBackends backends)
{
    public static TheoryData<string, string, string, string> RedirectedErrors => new()
    {
        { AuthBackends.Sqlite, "code_challenge_method", "plain", "invalid_request" },
        { AuthBackends.PostgreSql, "code_challenge_method", "plain", "invalid_request" },
        { AuthBackends.Sqlite, "code_challenge_method", "", "invalid_request" },
        { AuthBackends.Sqlite, "code_challenge", "", "invalid_request" },
        { AuthBackends.Sqlite, "code_challenge", "too-short", "invalid_request" },
        { AuthBackends.Sqlite, "aud", "http://evil.example/r4", "invalid_request" },
        { AuthBackends.PostgreSql, "aud", "http://evil.example/r4", "invalid_request" },
        { AuthBackends.Sqlite, "aud", "", "invalid_request" },
        { AuthBackends.Sqlite, "scope", "patient/Unknown.read", "invalid_scope" },
        { AuthBackends.PostgreSql, "scope", "patient/*.read'; DROP TABLE clients;--", "invalid_scope" },
        { AuthBackends.Sqlite, "scope", "patient/*.write", "invalid_scope" },
        { AuthBackends.Sqlite, "scope", "", "invalid_scope" },
        { AuthBackends.Sqlite, "response_type", "token", "unsupported_response_type" },
        { AuthBackends.Sqlite, "response_type", "", "invalid_request" },
        { AuthBackends.Sqlite, "response_mode", "fragment", "invalid_request" },
        { AuthBackends.Sqlite, "request", "eyJ.x.y", "request_not_supported" },
        { AuthBackends.Sqlite, "prompt", "none", "login_required" },
        { AuthBackends.Sqlite, "nonce", "ñ\u00e9\u4e2d' OR 1=1 --", "none" },
    };

    [Theory]
    [MemberData(nameof(RedirectedErrors))]
    public async Task Authorize_InvalidParameter_RedirectsWithErrorAndState(string backend, string name, string value, string expected)
    {
        var app = new SmartApp(backends[backend]);
        var parameters = app.AuthorizeParameters();
        parameters[name] = value;
        using var response = await app.AuthorizeAsync(parameters);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        if (expected == "none")
        {
            Assert.StartsWith("/member/authorize/", location.OriginalString, StringComparison.Ordinal);
            return;
        }

        Assert.StartsWith(app.RedirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal(expected, query["error"].ToString());
        Assert.Equal(parameters["state"], query["state"].ToString());
        Assert.Equal("http://localhost:5001", query["iss"].ToString());
        Assert.All(query["error_description"].ToString(), c => Assert.InRange(c, ' ', '~'));
    }

    public static TheoryData<string, string, string> PageErrors => new()
    {
        { AuthBackends.Sqlite, "client_id", "unknown-app" },
        { AuthBackends.PostgreSql, "client_id", "unknown-app" },
        { AuthBackends.Sqlite, "client_id", "" },
        { AuthBackends.PostgreSql, "client_id", "ñ' OR '1'='1; DROP TABLE clients; --" },
        { AuthBackends.Sqlite, "client_id", "\u4e2d\u6587\ud83d\ude00" },
        { AuthBackends.Sqlite, "redirect_uri", "https://evil.example/callback" },
        { AuthBackends.PostgreSql, "redirect_uri", "http://127.0.0.1:8765/callback/../evil" },
        { AuthBackends.Sqlite, "redirect_uri", "" },
    };

    [Theory]
    [MemberData(nameof(PageErrors))]
    public async Task Authorize_BadClientOrRedirectUri_ShowsErrorPageNeverRedirects(string backend, string name, string value)
    {
        var app = new SmartApp(backends[backend]);
        var parameters = app.AuthorizeParameters();
        parameters[name] = value;
        using var response = await app.AuthorizeAsync(parameters);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Authorize_LoopbackRedirectWithOtherPort_Accepted(string backend)
    {
        var app = new SmartApp(backends[backend], confidential: false);
        var parameters = app.AuthorizeParameters();
        parameters["redirect_uri"] = "http://127.0.0.1:49152/callback";
        using var response = await app.AuthorizeAsync(parameters);
        Assert.StartsWith("/member/authorize/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("client_id")]
    [InlineData("redirect_uri")]
    public async Task Authorize_DuplicatedClientOrRedirect_ShowsErrorPage(string name)
    {
        var app = new SmartApp(backends[AuthBackends.Sqlite]);
        var query = QueryHelpers.AddQueryString("/oauth2/authorize", app.AuthorizeParameters()!) + "&" + name + "=x";
        using var response = await backends[AuthBackends.Sqlite].Browser().GetAsync(new Uri(query, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("repeated", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Authorize_DuplicatedOrOversizedParameter_RedirectsInvalidRequest(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var parameters = app.AuthorizeParameters();
        var duplicated = QueryHelpers.AddQueryString("/oauth2/authorize", parameters!) + "&scope=openid";
        using var first = await backends[backend].Browser().GetAsync(new Uri(duplicated, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(first.Headers.Location!.Query)["error"].ToString());

        parameters["nonce"] = new string('n', 5000);
        using var second = await app.AuthorizeAsync(parameters);
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(second.Headers.Location!.Query)["error"].ToString());

        parameters["client_id"] = new string('c', 5000);
        using var third = await app.AuthorizeAsync(parameters);
        Assert.Equal(HttpStatusCode.BadRequest, third.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Authorize_Post_AcceptedLikeGet(string backend)
    {
        var app = new SmartApp(backends[backend]);
        using var content = new FormUrlEncodedContent(app.AuthorizeParameters());
        using var response = await backends[backend].Browser().PostAsync(new Uri("/oauth2/authorize", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/member/authorize/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Deny_PendingRequest_RedirectsAccessDeniedWithState(string backend)
    {
        var host = backends[backend];
        var app = new SmartApp(host);
        var parameters = app.AuthorizeParameters();
        using var response = await app.AuthorizeAsync(parameters);
        var requestId = response.Headers.Location!.OriginalString["/member/authorize/".Length..];
        var completion = host.Service<IAuthorizationCompletion>();
        var view = await completion.FindAsync(requestId, TestContext.Current.CancellationToken);
        Assert.Equal(app.ClientId, view!.ClientId);
        Assert.Contains("patient/*.read", view.GrantableScopes);

        var outcome = await completion.DenyAsync(requestId, TestContext.Current.CancellationToken);
        var query = QueryHelpers.ParseQuery(outcome.RedirectUri!.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal(parameters["state"], query["state"].ToString());

        var again = await completion.ApproveAsync(new AuthorizationApproval(requestId, "m", "p", []), TestContext.Current.CancellationToken);
        Assert.Null(again.RedirectUri);
        Assert.NotNull(again.Problem);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Approve_NarrowerScopes_GrantedScopeSaysSo(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var code = await app.ApproveAsync(await app.StartAsync(), scopes: ["launch/patient", "patient/*.read"]);
        using var response = await app.ExchangeAsync(code);
        var body = await SmartApp.JsonAsync(response);
        Assert.Equal("launch/patient patient/*.read", (string)body["scope"]!);
        Assert.Null(body["refresh_token"]);
        Assert.Null(body["id_token"]);
    }

    [Fact]
    public async Task Approve_ScopesBeyondRequest_Throws()
    {
        var app = new SmartApp(backends[AuthBackends.Sqlite]);
        var requestId = await app.StartAsync("patient/*.read");
        await Assert.ThrowsAsync<ArgumentException>(() => app.ApproveAsync(requestId, scopes: ["user/*.read"]));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Authorize_NoState_RedirectsInvalidRequest(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var parameters = app.AuthorizeParameters();
        parameters.Remove("state");
        using var response = await app.AuthorizeAsync(parameters);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(app.RedirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("invalid_request", query["error"].ToString());
        Assert.Equal("state is required", query["error_description"].ToString());
        Assert.False(query.ContainsKey("state"));

        parameters["state"] = string.Empty;
        using var empty = await app.AuthorizeAsync(parameters);
        Assert.Equal("invalid_request", QueryHelpers.ParseQuery(empty.Headers.Location!.Query)["error"].ToString());
    }

    [Theory]
    [InlineData("unknown-app", null, "Esta aplicación no está registrada con el plan de salud.")]
    [InlineData(null, "https://evil.example/callback", "no está registrada para esta aplicación")]
    public async Task Authorize_ErrorPageWithSpanishChosen_SiteLayoutInSpanish(string? clientId, string? redirectUri, string expected)
    {
        var host = backends[AuthBackends.Sqlite];
        var app = new SmartApp(host);
        var parameters = app.AuthorizeParameters();
        parameters["client_id"] = clientId ?? parameters["client_id"];
        parameters["redirect_uri"] = redirectUri ?? parameters["redirect_uri"];
        var path = QueryHelpers.AddQueryString("/oauth2/authorize", parameters!);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Cookie", "pa-lang=es");
        using var response = await host.Browser().SendAsync(request, TestContext.Current.CancellationToken);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("<html lang=\"es\">", page, StringComparison.Ordinal);
        Assert.Contains("<h1>No se puede conectar esta aplicación</h1>", page, StringComparison.Ordinal);
        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/member/assets/site.css\">", page, StringComparison.Ordinal);
        Assert.Contains("<p class=\"plan\">Demo Health Plan</p>", page, StringComparison.Ordinal);

        // The switch to English comes back to the same request, which our own return check accepts.
        Assert.Contains("href=\"/member/language?to=en&amp;return=" + Uri.EscapeDataString("/oauth2/authorize?"), page, StringComparison.Ordinal);
        var back = "/oauth2/authorize?" + path[(path.IndexOf('?', StringComparison.Ordinal) + 1)..];
        Assert.Equal(back, global::PatientAccess.AuthServer.Member.Localization.LanguageSelector.SafeReturn(back));
    }
}
