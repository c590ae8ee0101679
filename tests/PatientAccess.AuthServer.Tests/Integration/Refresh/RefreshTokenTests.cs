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

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Refresh_TokenOfAnotherClient_InvalidGrantAndRevokesNothing(string backend)
    {
        // Issue 12 item 19's class: another client presenting the app's used (or live) refresh
        // token is refused as invalid_grant before any replay check, so it ends nothing.
        var confidential = new SmartApp(backends[backend]);
        var tokens = await confidential.LaunchAsync();
        using var rotated = await confidential.RefreshAsync((string)tokens["refresh_token"]!);
        var current = await SmartApp.JsonAsync(rotated);
        var other = new SmartApp(backends[backend], confidential: false);
        using var used = await other.RefreshAsync((string)tokens["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(used))["error"]!);
        using var live = await other.RefreshAsync((string)current["refresh_token"]!);
        Assert.Equal("invalid_grant", (string)(await SmartApp.JsonAsync(live))["error"]!);

        using var stillWorks = await confidential.RefreshAsync((string)current["refresh_token"]!);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    public static TheoryData<string, string, string> NarrowerScopes => new()
    {
        { AuthBackends.Sqlite, "patient/Observation.read", "patient/Observation.read" },
        { AuthBackends.PostgreSql, "patient/Observation.read", "patient/Observation.read" },
        { AuthBackends.Sqlite, "patient/Observation.rs", "patient/Observation.rs" },
        { AuthBackends.Sqlite, "patient/Observation.r patient/Coverage.s", "patient/Observation.r patient/Coverage.s" },
        { AuthBackends.Sqlite, "patient/*.rs", "patient/*.rs" },
        { AuthBackends.PostgreSql, "openid fhirUser patient/Patient.rs?_id=pat-1", "openid fhirUser patient/Patient.rs?_id=pat-1" },
        { AuthBackends.Sqlite, "offline_access patient/ExplanationOfBenefit.read", "offline_access patient/ExplanationOfBenefit.read" },
    };

    /// <summary>Issue 12 item 9: down-scoping is judged by meaning (v1 .read is v2 .rs, Type within *).</summary>
    [Theory]
    [MemberData(nameof(NarrowerScopes))]
    public async Task Refresh_NarrowerByMeaning_IssuedAndFamilyKept(string backend, string requested, string expected)
    {
        var app = new SmartApp(backends[backend]);
        var tokens = await app.LaunchAsync();
        using var narrower = await app.RefreshAsync((string)tokens["refresh_token"]!, requested);
        var body = await SmartApp.JsonAsync(narrower);
        Assert.Equal(HttpStatusCode.OK, narrower.StatusCode);
        Assert.Equal(expected, (string)body["scope"]!);

        // The successor still carries the whole grant: the next refresh without scope gets all of it back.
        using var full = await app.RefreshAsync((string)body["refresh_token"]!);
        Assert.Equal(SmartApp.DefaultScope, (string)(await SmartApp.JsonAsync(full))["scope"]!);
    }

    public static TheoryData<string, string> RefusedScopes => new()
    {
        { AuthBackends.Sqlite, "user/*.read" },
        { AuthBackends.PostgreSql, "user/*.read" },
        { AuthBackends.Sqlite, "patient/Observation.write" },
        { AuthBackends.Sqlite, "patient/Observation.cruds" },
        { AuthBackends.Sqlite, "patient/*.*" },
        { AuthBackends.PostgreSql, "online_access patient/*.read" },
        { AuthBackends.Sqlite, "profile" },
        { AuthBackends.Sqlite, "patient/Nonsense.read" },
        { AuthBackends.Sqlite, "   " },
    };

    /// <summary>Issue 12 item 9: a refused refresh consumes nothing; the same token still works, and the grant lives.</summary>
    [Theory]
    [MemberData(nameof(RefusedScopes))]
    public async Task Refresh_BroaderOrUnknownScope_InvalidScopeAndTokenStillWorks(string backend, string requested)
    {
        var app = new SmartApp(backends[backend]);
        var tokens = await app.LaunchAsync();
        var refreshToken = (string)tokens["refresh_token"]!;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            using var refused = await app.RefreshAsync(refreshToken, requested);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("invalid_scope", (string)(await SmartApp.JsonAsync(refused))["error"]!);
        }

        using var introspection = await app.PostAsync("/oauth2/introspect", new() { ["token"] = (string)tokens["access_token"]! });
        Assert.True((bool)(await SmartApp.JsonAsync(introspection))["active"]!);
        using var retry = await app.RefreshAsync(refreshToken, "patient/Observation.read");
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
    }
}
