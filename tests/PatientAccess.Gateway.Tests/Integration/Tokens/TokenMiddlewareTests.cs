using System.Net;
using System.Net.Http.Headers;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Tokens;

/// <summary>Step 4 and the token attacks from the issue: each one 401 (or 400) with an OperationOutcome and an audit reason.</summary>
public sealed class TokenMiddlewareTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Attacks => ["none", "hs256-public-key", "unknown-kid", "other-key", "tampered", "expired", "nbf-future",
        "wrong-iss", "wrong-aud", "id-token", "garbage", "missing-jti"];

    [Fact]
    public async Task Get_ValidToken_ProxiedWithSignedContextAndWithoutAuthorization()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/ExplanationOfBenefit?patient=pat-1&_count=5", fixture.Tokens.Create()), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"context_valid\":true", body, StringComparison.Ordinal);
        Assert.Contains("\"authorization\":false", body, StringComparison.Ordinal);
        Assert.Contains("\"patients\":[\"pat-1\"]", body, StringComparison.Ordinal);
        Assert.Contains("\"categories\":[\"MH\"]", body, StringComparison.Ordinal);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.NotNull(audit);
        Assert.Equal("allow", (string?)audit["decision"]);
        Assert.Equal("app-1", (string?)audit["client_id"]);
        Assert.Equal("pat-1", (string?)audit["patient"]);
        Assert.Equal("/r4/{type}", (string?)audit["route"]);
        Assert.Equal("ExplanationOfBenefit", (string?)audit["resource_type"]);
        Assert.Equal("_count,patient", (string?)audit["query_shape"]);
        Assert.Equal(200, (int?)audit["status"]);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Get_AttackToken_401InvalidToken(string attack)
    {
        var claims = TestTokens.Claims();
        var token = attack switch
        {
            "none" => TestTokens.AlgNone(claims),
            "hs256-public-key" => fixture.Tokens.Hs256WithPublicKey(claims),
            "unknown-kid" => fixture.Tokens.Create(claims, kid: "never-published"),
            "other-key" => TestTokens.ForgedWithOtherKey(claims),
            "tampered" => fixture.Tokens.Tampered(),
            "expired" => fixture.Tokens.Create(TestTokens.Claims(issuedAt: DateTimeOffset.UtcNow.AddMinutes(-15))),
            "nbf-future" => fixture.Tokens.Create(With(claims, "nbf", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds())),
            "wrong-iss" => fixture.Tokens.Create(With(claims, "iss", "https://evil.test")),
            "wrong-aud" => fixture.Tokens.Create(With(claims, "aud", "https://other.test/r4")),
            "id-token" => fixture.Tokens.Create(With(claims, "aud", TestTokens.ClientId), type: "JWT"),
            "missing-jti" => fixture.Tokens.Create(Without(claims, "jti")),
            _ => "not.a.jwt",
        };
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-1", token), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error=\"invalid_token\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("token-invalid", (string?)audit?["reason"]);
        Assert.Equal("refuse", (string?)audit?["decision"]);
    }

    [Fact]
    public async Task Get_IdTokenWithFhirAudience_401BecauseTypIsNotAtJwt()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-1", fixture.Tokens.Create(type: "JWT")), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_NoToken_401WithBearerChallenge()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-1"), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/fhir+json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
    }

    [Fact]
    public async Task Get_DuplicateAuthorizationHeaders_400InvalidRequest()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Patient/pat-1");
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + fixture.Tokens.Create(), "Bearer " + fixture.Tokens.Create()]);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid_request", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ManyUnknownKids_FetchesJwksAtMostOncePerInterval()
    {
        using var client = fixture.Gateway.CreateClient();
        using (var warm = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-1", fixture.Tokens.Create()), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        var before = fixture.Backend.JwksFetches;
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-1", fixture.Tokens.Create(kid: "made-up-" + i)), Ct);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.True(fixture.Backend.JwksFetches - before <= 1, $"{fixture.Backend.JwksFetches - before} JWKS fetches for 20 unknown kids");
    }

    [Fact]
    public async Task Get_BasicAuthorization_401()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Patient/pat-1");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YTpi");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> claims, string name, object value)
    {
        claims[name] = value;
        return claims;
    }

    private static Dictionary<string, object> Without(Dictionary<string, object> claims, string name)
    {
        claims.Remove(name);
        return claims;
    }
}
