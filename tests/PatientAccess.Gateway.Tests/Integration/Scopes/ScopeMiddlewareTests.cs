using System.Net;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Scopes;

/// <summary>Step 5: scopes (v1 and v2) and the member's compartment.</summary>
public sealed class ScopeMiddlewareTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("patient/Coverage.read", "/r4/ExplanationOfBenefit", HttpStatusCode.Forbidden)]
    [InlineData("patient/Coverage.read", "/r4/Coverage", HttpStatusCode.OK)]
    [InlineData("patient/ExplanationOfBenefit.rs", "/r4/ExplanationOfBenefit", HttpStatusCode.OK)]
    [InlineData("patient/Observation.r", "/r4/Observation", HttpStatusCode.Forbidden)]
    [InlineData("patient/Observation.r", "/r4/Observation/obs-1", HttpStatusCode.OK)]
    [InlineData("patient/Observation.s", "/r4/Observation/obs-1", HttpStatusCode.Forbidden)]
    [InlineData("user/*.read", "/r4/Observation/obs-1", HttpStatusCode.OK)]
    [InlineData("patient/*.write", "/r4/Observation/obs-1", HttpStatusCode.Forbidden)]
    [InlineData("patient/Observation.rs?category=laboratory", "/r4/Observation", HttpStatusCode.Forbidden)]
    [InlineData("openid fhirUser launch/patient", "/r4/Patient/pat-1", HttpStatusCode.Forbidden)]
    public async Task Get_Scopes_AllowOnlyGrantedTypes(string scope, string path, HttpStatusCode expected)
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get(path, fixture.Tokens.Create(TestTokens.Claims(scope: scope))), Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
            Assert.Equal("scope", (string?)audit?["reason"]);
        }
    }

    [Theory]
    [InlineData("patient/*.read")]
    [InlineData("user/*.rs")]
    public async Task Get_AnotherPatient_404AsIfUnknown(string scope)
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-2", fixture.Tokens.Create(TestTokens.Claims(scope: scope))), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not-found", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("compartment", (string?)audit?["reason"]);
    }

    [Fact]
    public async Task Get_OwnPatientVersion_ProxiedWithOnlyThatPatientInContext()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-1/_history/2", fixture.Tokens.Create()), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"patients\":[\"pat-1\"]", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_OtherPatientsVersion_404()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Patient/pat-2/_history/1", fixture.Tokens.Create()), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
