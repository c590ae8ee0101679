using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Audit;

/// <summary>
/// Issue 15: refusals before the token step name the app, member and token of a request whose token
/// validates, and only then: a forged, tampered, foreign-issuer or expired token must not frame another app.
/// </summary>
public sealed class RefusalAttributionTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Foreign = "193.0.6.139";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonObject> SendAsync(HttpRequestMessage request, HttpStatusCode expected)
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(expected, response.StatusCode);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.NotNull(audit);
        return audit;
    }

    private static HttpRequestMessage Write(string method, string path, string? token)
    {
        var request = GatewayFixture.Get(path, token);
        request.Method = new HttpMethod(method);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{\"resourceType\":\"Patient\"}", Encoding.UTF8, "application/fhir+json");
        }

        return request;
    }

    [Theory]
    [InlineData("POST", "/r4/Patient")]
    [InlineData("PUT", "/r4/Patient/pat-1")]
    [InlineData("DELETE", "/r4/Patient/pat-1")]
    [InlineData("PATCH", "/r4/Patient/pat-1")]
    public async Task WriteAttempt_ValidToken_AttributedToItsAppMemberAndToken(string method, string path)
    {
        var jti = Guid.NewGuid().ToString("N");
        var audit = await SendAsync(Write(method, path, fixture.Tokens.Create(TestTokens.Claims(clientId: "writer-app", jti: jti))), HttpStatusCode.MethodNotAllowed);

        Assert.Equal("method", (string?)audit["reason"]);
        Assert.Equal(method, (string?)audit["method"]);
        Assert.Equal("writer-app", (string?)audit["client_id"]);
        Assert.Equal("member-1", (string?)audit["member"]);
        Assert.Equal(TestTokens.PatientId, (string?)audit["patient"]);
        Assert.Equal(jti, (string?)audit["token_id"]);
        Assert.False(string.IsNullOrEmpty((string?)audit["replica"]));
    }

    [Fact]
    public async Task MethodOverride_ValidToken_AttributedToItsApp()
    {
        var request = GatewayFixture.Get("/r4/Patient/_search", fixture.Tokens.Create(TestTokens.Claims(clientId: "override-app")));
        request.Method = HttpMethod.Post;
        request.Content = new FormUrlEncodedContent([new("_id", "pat-1")]);
        request.Headers.TryAddWithoutValidation("X-HTTP-Method-Override", "DELETE");

        var audit = await SendAsync(request, HttpStatusCode.MethodNotAllowed);

        Assert.Equal("override-app", (string?)audit["client_id"]);
    }

    [Fact]
    public async Task GeoRefusal_ValidToken_AttributedToItsApp()
    {
        var audit = await SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(TestTokens.Claims(clientId: "abroad-app")), Foreign), HttpStatusCode.Forbidden);

        Assert.Equal("geo", (string?)audit["reason"]);
        Assert.Equal("abroad-app", (string?)audit["client_id"]);
        Assert.Equal(Foreign, (string?)audit["client_address"]);
    }

    public static TheoryData<string> Unvalidated => new()
    {
        "forged",
        "tampered",
        "foreign-issuer",
        "expired",
        "alg-none",
        "hs256",
    };

    /// <summary>The abuse: an outsider names a victim app in a token the gateway cannot verify, then writes or calls from abroad.</summary>
    [Theory]
    [MemberData(nameof(Unvalidated))]
    public async Task WriteAndGeoRefusals_UnvalidatedTokenNamingAnotherApp_AttributedToTheAddressOnly(string kind)
    {
        var claims = TestTokens.Claims(clientId: "victim-app");
        var token = kind switch
        {
            "forged" => TestTokens.ForgedWithOtherKey(claims),
            "tampered" => fixture.Tokens.Tampered(),
            "foreign-issuer" => fixture.Tokens.Create(With(claims, "iss", "https://evil.test")),
            "expired" => fixture.Tokens.Create(With(With(claims, "exp", DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds()), "iat", DateTimeOffset.UtcNow.AddHours(-3).ToUnixTimeSeconds())),
            "alg-none" => TestTokens.AlgNone(claims),
            _ => fixture.Tokens.Hs256WithPublicKey(claims),
        };

        var write = await SendAsync(Write("DELETE", "/r4/Patient/pat-1", token), HttpStatusCode.MethodNotAllowed);
        var geo = await SendAsync(GatewayFixture.Get("/r4/Coverage", token, Foreign), HttpStatusCode.Forbidden);

        foreach (var audit in new[] { write, geo })
        {
            Assert.Null((string?)audit["client_id"]);
            Assert.Null((string?)audit["member"]);
            Assert.Null((string?)audit["token_id"]);
            Assert.False(string.IsNullOrEmpty((string?)audit["client_address"]));
        }
    }

    [Fact]
    public async Task WriteAttempt_NoToken_AttributedToTheAddressOnly()
    {
        var audit = await SendAsync(Write("POST", "/r4/Patient", null), HttpStatusCode.MethodNotAllowed);

        Assert.Null((string?)audit["client_id"]);
        Assert.Equal("127.0.0.1", (string?)audit["client_address"]);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value)
    {
        var copy = new Dictionary<string, object>(claims, StringComparer.Ordinal) { [name] = value };
        return copy;
    }
}
