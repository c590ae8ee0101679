using System.Net;

namespace PatientAccess.AuthServer.Tests.Integration.Refresh;

[Collection(AuthTestGroup.Name)]
public sealed class RefreshTokenTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refresh_ValidToken_RotatesAndIssuesNewAccessToken(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var first = await app.LaunchAsync();
        using var response = await app.RefreshAsync((string)first["refresh_token"]!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var second = await SmartApp.JsonAsync(response);
        Assert.NotEqual((string)first["refresh_token"]!, (string)second["refresh_token"]!);
        Assert.NotEqual((string)first["access_token"]!, (string)second["access_token"]!);
        Assert.Equal("pat-1", (string)second["patient"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refresh_RotatedTokenReused_RevokesWholeFamily(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var first = await app.LaunchAsync();
        using var rotated = await app.RefreshAsync((string)first["refresh_token"]!);
        var second = await SmartApp.JsonAsync(rotated);

        using var replay = await app.RefreshAsync((string)first["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(replay))["error"]!);
        using var successor = await app.RefreshAsync((string)second["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(successor))["error"]!);
        using var introspection = await app.PostAsync("/oauth2/introspect", new() { ["token"] = (string)second["access_token"]! });
        Assert.False((bool)(await SmartApp.JsonAsync(introspection))["active"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refresh_AfterRevocation_InvalidGrant(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var tokens = await app.LaunchAsync();
        using var revoke = await app.PostAsync("/oauth2/revoke", new() { ["token"] = (string)tokens["refresh_token"]!, ["token_type_hint"] = "refresh_token" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        using var response = await app.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refresh_NarrowerScope_GrantedNarrowerBroaderRefused(string backend)
    {
        var app = new SmartApp(backends[backend]);
        var tokens = await app.LaunchAsync();
        using var narrower = await app.RefreshAsync((string)tokens["refresh_token"]!, "patient/*.read");
        var body = await SmartApp.JsonAsync(narrower);
        Assert.Equal("patient/*.read", (string)body["scope"]!);
        using var broader = await app.RefreshAsync((string)body["refresh_token"]!, "user/*.read");
        Assert.Equal("invalid_scope", (string)(await SmartApp.JsonAsync(broader))["error"]!);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refresh_SlidingLifetime_ExpiresOnlyAfterIdlePeriod(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var app = new SmartApp(host);
        var tokens = await app.LaunchAsync();
        host.Clock.Advance(TimeSpan.FromDays(80));
        using var used = await app.RefreshAsync((string)tokens["refresh_token"]!);
        var next = await SmartApp.JsonAsync(used);
        Assert.NotNull(next["refresh_token"]);
        host.Clock.Advance(TimeSpan.FromDays(80));
        using var stillValid = await app.RefreshAsync((string)next["refresh_token"]!);
        var last = await SmartApp.JsonAsync(stillValid);
        Assert.NotNull(last["access_token"]);
        host.Clock.Advance(TimeSpan.FromDays(91));
        using var expired = await app.RefreshAsync((string)last["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(expired))["error"]!);
    }

    [Fact]
    public async Task Refresh_TokenOfAnotherClient_InvalidGrant()
    {
        var confidential = new SmartApp(backends[AuthBackends.Sqlite]);
        var tokens = await confidential.LaunchAsync();
        var other = new SmartApp(backends[AuthBackends.Sqlite], confidential: false);
        using var response = await other.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(response))["error"]!);
    }
}
