using System.Net;
using System.Text;

namespace PatientAccess.AuthServer.Tests.Integration.Tokens;

[Collection(AuthTestGroup.Name)]
public sealed class TokenErrorTests(AuthBackends backends)
{
    [Theory]
    [InlineData(AuthBackends.Sqlite, "missing")]
    [InlineData(AuthBackends.PostgreSql, "missing")]
    [InlineData(AuthBackends.Sqlite, "blank")]
    [InlineData(AuthBackends.Sqlite, "wrong")]
    [InlineData(AuthBackends.PostgreSql, "wrong")]
    [InlineData(AuthBackends.Sqlite, "challenge")]
    [InlineData(AuthBackends.PostgreSql, "challenge")]
    [InlineData(AuthBackends.Sqlite, "unicode")]
    public async Task Token_BadCodeVerifier_Refused(string backend, string kind)
    {
        var app = new SmartApp(backends[backend]);
        var code = await app.CodeAsync();
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = app.RedirectUri };
        switch (kind)
        {
            case "blank": form["code_verifier"] = string.Empty; break;
            case "wrong": form["code_verifier"] = new SmartApp(backends[backend]).Verifier; break;
            case "challenge": form["code_verifier"] = app.Challenge; break;
            case "unicode": form["code_verifier"] = "ñ' OR 1=1 --\u4e2d" + new string('a', 40); break;
        }

        using var response = await app.TokenAsync(form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (string)(await SmartApp.JsonAsync(response))["error"]!;
        Assert.Equal(kind is "missing" or "blank" ? "invalid_request" : "invalid_grant", error);

        // A failed verifier does not burn the code for the legitimate app.
        using var retry = await app.ExchangeAsync(code);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_WrongRedirectUri_InvalidGrant(string backend)
    {
        var app = new SmartApp(backends[backend]);
        using var response = await app.ExchangeAsync(await app.CodeAsync(), redirectUri: "http://127.0.0.1:8765/other");
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_ReusedCode_InvalidGrantAndRevokesIssuedTokens(string backend)
    {
        var host = backends[backend];
        var app = new SmartApp(host);
        var code = await app.CodeAsync();
        using var first = await app.ExchangeAsync(code);
        var tokens = await SmartApp.JsonAsync(first);
        using var second = await app.ExchangeAsync(code);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(second))["error"]!);

        using var refresh = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(refresh))["error"]!);
        using var introspection = await app.PostAsync("/oauth2/introspect", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.False((bool)(await SmartApp.JsonAsync(introspection))["active"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_ExpiredCode_InvalidGrant(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var app = new SmartApp(host);
        var code = await app.CodeAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));
        using var response = await app.ExchangeAsync(code);
        var body = await SmartApp.JsonAsync(response);
        Assert.Equal("invalid_grant", (string)body["error"]!);
        Assert.Contains("expired", (string)body["error_description"]!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_CodeOfAnotherClient_InvalidGrant(string backend)
    {
        var confidential = new SmartApp(backends[backend]);
        var code = await confidential.CodeAsync();
        var other = new SmartApp(backends[backend], confidential: false);
        using var response = await other.ExchangeAsync(code, confidential.Verifier);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Theory]
    [InlineData(AuthBackends.Sqlite, "wrong-secret")]
    [InlineData(AuthBackends.PostgreSql, "wrong-secret")]
    [InlineData(AuthBackends.Sqlite, "unknown-client")]
    [InlineData(AuthBackends.PostgreSql, "sql-client")]
    [InlineData(AuthBackends.Sqlite, "no-auth")]
    [InlineData(AuthBackends.Sqlite, "public-with-secret")]
    [InlineData(AuthBackends.PostgreSql, "public-with-secret")]
    [InlineData(AuthBackends.Sqlite, "garbage-basic")]
    public async Task Token_ClientAuthenticationFails_Returns401InvalidClient(string backend, string kind)
    {
        var host = backends[backend];
        var demo = host.Demo();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative));
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "x", ["redirect_uri"] = demo.RedirectUri, ["code_verifier"] = new string('a', 43) };
        switch (kind)
        {
            case "wrong-secret": request.Headers.Authorization = SmartApp.Basic(demo.ConfidentialId, "not-the-secret"); break;
            case "unknown-client": request.Headers.Authorization = SmartApp.Basic("nobody", "x"); break;
            case "sql-client": form["client_id"] = "x' OR '1'='1\u00f1"; form["client_secret"] = "'; DROP TABLE clients; --"; break;
            case "public-with-secret": form["client_id"] = demo.PublicId; form["client_secret"] = "anything"; break;
            case "garbage-basic": request.Headers.TryAddWithoutValidation("Authorization", "Basic !!!notbase64"); break;
        }

        request.Content = new FormUrlEncodedContent(form);
        using var response = await host.Browser().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Basic", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Fact]
    public async Task Token_BothBasicAndPostSecrets_InvalidRequest()
    {
        var app = new SmartApp(backends[AuthBackends.Sqlite]);
        using var response = await app.TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = "x", ["client_secret"] = app.Secret });
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Fact]
    public async Task Token_ClientSecretPost_Accepted()
    {
        var host = backends[AuthBackends.Sqlite];
        var app = new SmartApp(host);
        var code = await app.CodeAsync();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = app.RedirectUri, ["code_verifier"] = app.Verifier,
            ["client_id"] = app.ClientId, ["client_secret"] = app.Secret,
        });
        using var response = await host.Browser().PostAsync(new Uri("/oauth2/token", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_PublicClient_IssuesTokensWithPkceOnly(string backend)
    {
        var body = await new SmartApp(backends[backend], confidential: false).LaunchAsync();
        Assert.NotNull(body["access_token"]);
        Assert.NotNull(body["refresh_token"]);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { "grant_type=password&username=a&password=b", "unsupported_grant_type" },
        { "grant_type=client_credentials", "unsupported_grant_type" },
        { "code=x", "invalid_request" },
        { "grant_type=authorization_code&grant_type=authorization_code&code=x", "invalid_request" },
        { "grant_type=refresh_token&refresh_token=" + new string('r', 3000), "invalid_request" },
        { "grant_type=refresh_token&refresh_token=%00%01", "invalid_request" },
        { "grant_type=refresh_token&refresh_token=%C3%B1'%20OR%201%3D1--", "invalid_grant" },
        { "grant_type=authorization_code&code=%E4%B8%AD'%3B%20DROP%20TABLE%20grants%3B--&redirect_uri=x&code_verifier=" + "v", "invalid_grant" },
        { "grant_type=refresh_token&refresh_token=%FF%FE", "invalid_grant" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Token_BadInput_Rfc6749ErrorJsonNever500(string body, string expected)
    {
        foreach (var backend in new[] { AuthBackends.Sqlite, AuthBackends.PostgreSql })
        {
            var app = new SmartApp(backends[backend]);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
            {
                Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            request.Headers.Authorization = SmartApp.Basic(app.ClientId, app.Secret);
            using var response = await backends[backend].Browser().SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(expected, (string)(await SmartApp.JsonAsync(response))["error"]!);
        }
    }

    [Fact]
    public async Task Token_JsonBodyOrGet_InvalidRequest()
    {
        var host = backends[AuthBackends.Sqlite];
        using var json = await host.Browser().PostAsync(new Uri("/oauth2/token", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(json))["error"]!);
        using var get = await host.Browser().GetAsync(new Uri("/oauth2/token", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        using var huge = await host.Browser().PostAsync(new Uri("/oauth2/token", UriKind.Relative),
            new StringContent("grant_type=refresh_token&x=" + new string('a', 40_000), Encoding.UTF8, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Equal("invalid_request", (string)(await SmartApp.JsonAsync(huge))["error"]!);
    }
}
