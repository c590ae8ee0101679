using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PatientAccess.AuthServer.Tests.Integration.Tokens;

[Collection(AuthTestGroup.Name)]
public sealed class TokenFlowTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Token_ConfidentialStandaloneLaunch_IssuesAllTokens(string backend)
    {
        var host = backends[backend];
        var app = new SmartApp(host);
        using var response = await app.ExchangeAsync(await app.CodeAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Contains("no-cache", response.Headers.Pragma.ToString(), StringComparison.Ordinal);
        var body = await SmartApp.JsonAsync(response);
        Assert.Equal("Bearer", (string)body["token_type"]!);
        Assert.Equal(3600, (long)body["expires_in"]!);
        Assert.Equal(SmartApp.DefaultScope, (string)body["scope"]!);
        Assert.Equal("pat-1", (string)body["patient"]!);
        Assert.NotNull(body["refresh_token"]);

        var access = new JsonWebToken((string)body["access_token"]!);
        Assert.Equal("at+jwt", access.Typ);
        Assert.Equal("RS256", access.Alg);
        Assert.False(string.IsNullOrEmpty(access.Kid));
        Assert.Equal("http://localhost:5001", access.Issuer);
        Assert.Equal([SmartApp.FhirBase], access.Audiences);
        Assert.Equal("member-1", access.Subject);
        Assert.Equal(app.ClientId, access.GetPayloadValue<string>("client_id"));
        Assert.Equal(SmartApp.DefaultScope, access.GetPayloadValue<string>("scope"));
        Assert.Equal("pat-1", access.GetPayloadValue<string>("patient"));
        Assert.Equal(["MH"], access.GetPayloadValue<string[]>("sensitive_categories"));
        Assert.False(string.IsNullOrEmpty(access.Id));
        Assert.Equal(3600, access.GetPayloadValue<long>("exp") - access.GetPayloadValue<long>("iat"));

        var id = new JsonWebToken((string)body["id_token"]!);
        Assert.Equal([app.ClientId], id.Audiences);
        Assert.Equal("n-123", id.GetPayloadValue<string>("nonce"));
        Assert.Equal(SmartApp.FhirBase + "/Patient/pat-1", id.GetPayloadValue<string>("fhirUser"));
    }
}
