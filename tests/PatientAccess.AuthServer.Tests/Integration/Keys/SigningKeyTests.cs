using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PatientAccess.AuthServer.Keys;
using PatientAccess.AuthServer.Tests.Integration.Admin;

namespace PatientAccess.AuthServer.Tests.Integration.Keys;

[Collection(AuthTestGroup.Name)]
public sealed class SigningKeyTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Jwks_PublishesActiveAndNextKey_TokenVerifiesWithPublishedKey(string backend)
    {
        var host = backends[backend];
        var jwks = await JwksAsync(host);
        Assert.Equal(2, jwks.Keys.Count);
        Assert.All(jwks.Keys, k => Assert.Equal(("RSA", "RS256", "sig"), (k.Kty, k.Alg, k.Use)));
        var token = (string)(await new SmartApp(host).LaunchAsync())["access_token"]!;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKeys = jwks.Keys, ValidIssuer = "http://localhost:5001", ValidAudience = SmartApp.FhirBase, ValidTypes = ["at+jwt"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Rotation_PeriodEnds_NextKeySignsOldStaysUntilItsTokensExpire(string backend)
    {
        await using var host = await backends.FreshAsync(backend);
        var ring = host.Service<SigningKeyRing>();
        var before = await JwksAsync(host);
        var oldKid = new JsonWebToken((string)(await new SmartApp(host).LaunchAsync())["access_token"]!).Kid;
        var nextKid = before.Keys.Select(k => k.Kid).Single(k => k != oldKid);

        host.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        await ring.EnsureAsync(TestContext.Current.CancellationToken);
        var token = (string)(await new SmartApp(host).LaunchAsync())["access_token"]!;
        Assert.Equal(nextKid, new JsonWebToken(token).Kid);
        var during = (await JwksAsync(host)).Keys.Select(k => k.Kid).ToList();
        Assert.Contains(oldKid, during);
        Assert.Equal(3, during.Count);

        host.Clock.Advance(TimeSpan.FromHours(2));
        await ring.EnsureAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(oldKid, (await JwksAsync(host)).Keys.Select(k => k.Kid));
    }

    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Restart_SameDataAndDatabase_KeysAndTokensSurvive(string backend)
    {
        var data = Directory.CreateTempSubdirectory("pa-auth-restart-").FullName;
        var first = await backends.FreshAsync(backend, dataDirectory: data);
        var connection = first.Services.GetService(typeof(Microsoft.Extensions.Options.IOptions<PatientAccess.Data.DatabaseOptions>)) is Microsoft.Extensions.Options.IOptions<PatientAccess.Data.DatabaseOptions> o ? o.Value.ConnectionString : null;
        var tokens = await new SmartApp(first).LaunchAsync();
        var kids = (await JwksAsync(first)).Keys.Select(k => k.Kid).ToList();
        await first.DisposeAsync();

        await using var second = await backends.FreshAsync(backend, dataDirectory: data, connectionString: connection);
        Assert.Equal(kids, (await JwksAsync(second)).Keys.Select(k => k.Kid).ToList());
        using var introspect = await second.Browser().SendAsync(AdminTests.ResourceServerIntrospection((string)tokens["access_token"]!), TestContext.Current.CancellationToken);
        Assert.True((bool)(await SmartApp.JsonAsync(introspect))["active"]!);
        using var refresh = await new SmartApp(second).RefreshAsync((string)tokens["refresh_token"]!);
        Assert.True(refresh.IsSuccessStatusCode);
        Assert.True(File.Exists(Path.Combine(data, "signing-keys.key")));
    }

    private static async Task<JsonWebKeySet> JwksAsync(AuthServerHost host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/.well-known/jwks.json", UriKind.Relative));
        request.Headers.Add("Origin", "https://app.example.com");
        using var response = await host.Browser().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return new JsonWebKeySet(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
