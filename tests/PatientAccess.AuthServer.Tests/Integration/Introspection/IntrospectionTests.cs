using System.Net;
using PatientAccess.AuthServer.Tests.Integration.Admin;

namespace PatientAccess.AuthServer.Tests.Integration.Introspection;

[Collection(AuthTestGroup.Name)]
public sealed class IntrospectionTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Introspect_OwnAccessToken_ActiveWithClaims(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var tokens = await app.LaunchAsync();
        using var response = await app.PostAsync("/oauth2/introspect", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var body = await SmartApp.JsonAsync(response);
        Assert.True((bool)body["active"]!);
        Assert.Equal(SmartApp.DefaultScope, (string)body["scope"]!);
        Assert.Equal(app.ClientId, (string)body["client_id"]!);
        Assert.Equal("member-1", (string)body["sub"]!);
        Assert.Equal("pat-1", (string)body["patient"]!);
        Assert.Equal("http://localhost:5001", (string)body["iss"]!);
        Assert.Equal(SmartApp.FhirBase + "/Patient/pat-1", (string)body["fhirUser"]!);
        Assert.True((long)body["exp"]! > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Introspect_RefreshTokenByResourceServer_Active(string backend)
    {
        var host = backends[backend];
        var tokens = await new SmartApp(host, confidential: false).LaunchAsync();
        using var response = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["refresh_token"]!), TestContext.Current.CancellationToken);
        var body = await SmartApp.JsonAsync(response);
        Assert.True((bool)body["active"]!);
        Assert.Equal("refresh_token", (string)body["token_type"]!);
    }

    [Fact]
    public async Task Introspect_AnotherClientsToken_Inactive()
    {
        var host = backends[AuthBackends.Sqlite];
        var tokens = await new SmartApp(host, confidential: false).LaunchAsync();
        using var response = await new SmartApp(host).PostAsync("/oauth2/introspect", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.False((bool)(await SmartApp.JsonAsync(response))["active"]!);
    }

    [Fact]
    public async Task Introspect_PublicClientCaller_401()
    {
        var host = backends[AuthBackends.Sqlite];
        var app = new SmartApp(host, confidential: false);
        using var response = await app.PostAsync("/oauth2/introspect", new() { ["token"] = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Introspect_ResourceServerWrongSecrets_ThrottledButRightSecretNeverRefused()
    {
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, new Dictionary<string, string?> { ["ClientAuthentication:MaxFailuresPerMinute"] = "3" });
        var tokens = await new SmartApp(host).LaunchAsync();
        for (var i = 0; i < 5; i++)
        {
            using var guess = AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!);
            guess.Headers.Authorization = SmartApp.Basic(AuthServerHost.ResourceServerId, "guess-" + i);
            using var wrong = await host.Browser().SendAsync(guess, TestContext.Current.CancellationToken);
            Assert.Equal(i < 3 ? HttpStatusCode.Unauthorized : HttpStatusCode.TooManyRequests, wrong.StatusCode);
            Assert.Equal("invalid_client", (string)(await SmartApp.JsonAsync(wrong))["error"]!);
            if (i >= 3)
            {
                Assert.NotNull(wrong.Headers.RetryAfter);
            }
        }

        // Issue 12 item 2: the right secret is checked first and is never refused, however many wrong ones came before.
        using var right = await host.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.True((bool)(await SmartApp.JsonAsync(right))["active"]!);

        // The app's own client authentication is counted apart from the resource server's.
        using var own = await new SmartApp(host).PostAsync("/oauth2/introspect", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.True((bool)(await SmartApp.JsonAsync(own))["active"]!);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJub25lIiwidHlwIjoiYXQrand0In0.eyJzdWIiOiJ4In0.")]
    [InlineData("ñ' OR 1=1; DROP TABLE refresh_tokens; --")]
    public async Task Introspect_BogusToken_InactiveNever500(string token)
    {
        foreach (var backend in new[] { AuthBackends.Sqlite, AuthBackends.PostgreSql })
        {
            using var response = await new SmartApp(backends[backend]).PostAsync("/oauth2/introspect", new() { ["token"] = token });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False((bool)(await SmartApp.JsonAsync(response))["active"]!);
        }
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task UserInfo_OpenIdToken_ReturnsSubAndFhirUser(string backend)
    {
        var host = backends[backend];
        var tokens = await new SmartApp(host).LaunchAsync();
        using var response = await AdminTests.UserInfoAsync(host, (string)tokens["access_token"]!);
        var body = await SmartApp.JsonAsync(response);
        Assert.Equal("member-1", (string)body["sub"]!);
        Assert.Equal(SmartApp.FhirBase + "/Patient/pat-1", (string)body["fhirUser"]!);

        using var bad = await AdminTests.UserInfoAsync(host, "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        Assert.Contains("invalid_token", bad.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserInfo_TokenWithoutOpenId_403InsufficientScope()
    {
        var host = backends[AuthBackends.Sqlite];
        var tokens = await new SmartApp(host).LaunchAsync("launch/patient patient/*.read");
        using var response = await AdminTests.UserInfoAsync(host, (string)tokens["access_token"]!);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("insufficient_scope", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }
}
