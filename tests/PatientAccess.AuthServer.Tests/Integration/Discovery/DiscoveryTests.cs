using System.Text.Json.Nodes;

namespace PatientAccess.AuthServer.Tests.Integration.Discovery;

[Collection(AuthTestGroup.Name)]
public sealed class DiscoveryTests(AuthBackends backends)
{
    private static readonly string[] RequiredFields =
    [
        "issuer", "jwks_uri", "authorization_endpoint", "token_endpoint", "token_endpoint_auth_methods_supported",
        "grant_types_supported", "scopes_supported", "response_types_supported", "introspection_endpoint",
        "revocation_endpoint", "code_challenge_methods_supported",
    ];

    [Fact]
    public async Task SmartConfiguration_Get_HasEveryFieldAndCapabilityWithCors()
    {
        var document = await GetAsync("/.well-known/smart-configuration");
        Assert.All(RequiredFields, f => Assert.NotNull(document[f]));
        Assert.Equal("http://localhost:5001", (string)document["issuer"]!);
        Assert.Equal("http://localhost:5001/member/apps", (string)document["management_endpoint"]!);
        Assert.Equal(["S256"], document["code_challenge_methods_supported"]!.AsArray().Select(v => (string)v!));
        var capabilities = document["capabilities"]!.AsArray().Select(v => (string)v!).ToList();
        foreach (var capability in new[]
        {
            "launch-standalone", "client-public", "client-confidential-symmetric", "context-standalone-patient", "permission-patient",
            "permission-user", "permission-offline", "permission-v1", "permission-v2", "sso-openid-connect", "authorize-post",
        })
        {
            Assert.Contains(capability, capabilities);
        }
    }

    [Fact]
    public async Task OpenIdConfiguration_Get_HasOidcFieldsWithCors()
    {
        var document = await GetAsync("/.well-known/openid-configuration");
        Assert.All(RequiredFields, f => Assert.NotNull(document[f]));
        Assert.Equal(["RS256"], document["id_token_signing_alg_values_supported"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["public"], document["subject_types_supported"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("http://localhost:5001/oauth2/userinfo", (string)document["userinfo_endpoint"]!);
        Assert.Equal(["code"], document["response_types_supported"]!.AsArray().Select(v => (string)v!));
        Assert.True((bool)document["authorization_response_iss_parameter_supported"]!);
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", "https://app.example.com");
        using var response = await backends[AuthBackends.Sqlite].Browser().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        return await SmartApp.JsonAsync(response);
    }
}
