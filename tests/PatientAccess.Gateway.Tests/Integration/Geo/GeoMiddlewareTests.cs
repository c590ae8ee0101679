using System.Net;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Geo;

/// <summary>Steps 1 and 2: the client address, and the US-only rule over it.</summary>
public sealed class GeoMiddlewareTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("193.0.6.139", HttpStatusCode.Forbidden)]
    [InlineData("2a00:1450:4001::1", HttpStatusCode.Forbidden)]
    [InlineData("8.8.8.8", HttpStatusCode.OK)]
    [InlineData("::ffff:8.8.8.8", HttpStatusCode.OK)]
    [InlineData("10.1.2.3", HttpStatusCode.OK)]
    public async Task Get_PeerAddress_AllowedOnlyFromUs(string peer, HttpStatusCode expected)
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), peer), Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Forbidden)
        {
            var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
            Assert.Equal("geo", (string?)audit?["reason"]);
        }
    }

    [Fact]
    public async Task Get_SpoofedXForwardedForFromUntrustedPeer_Ignored()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), "193.0.6.139");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "8.8.8.8");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("193.0.6.139", (string?)audit?["client_address"]);
        Assert.Equal("NL", (string?)audit?["country"]);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "8.8.8.8, 193.0.6.139", HttpStatusCode.Forbidden)]
    [InlineData("X-Forwarded-For", "193.0.6.139, 8.8.8.8", HttpStatusCode.OK)]
    [InlineData("Forwarded", "for=193.0.6.139", HttpStatusCode.Forbidden)]
    [InlineData("Forwarded", "for=\"[2a00:1450:4001::1]:443\"", HttpStatusCode.Forbidden)]
    public async Task Get_ForwardedFromTrustedProxy_RightmostUntrustedAddressDecides(string header, string value, HttpStatusCode expected)
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["ClientAddress:TrustedProxies:0"] = "203.0.113.0/24" });
        using var client = gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), "203.0.113.7");
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_PrivateAddressWhenPrivateNotAllowed_403()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Geo:AllowPrivateAddresses"] = "false" });
        using var client = gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), "192.168.1.1"), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("192.0.2.1")]
    [InlineData("240.0.0.1")]
    public async Task Get_AddressWithNoCountry_DeniedByDefaultAllowedWhenConfigured(string peer)
    {
        using (var client = fixture.Gateway.CreateClient())
        {
            using var denied = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), peer), Ct);
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
            Assert.Contains("no country is known", await denied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            var audit = await fixture.AuditEventAsync(fixture.Gateway, denied.Headers.GetValues("X-Request-Id").Single());
            Assert.Equal("geo", (string?)audit?["reason"]);
        }

        await using var lenient = fixture.NewGateway(new Dictionary<string, string?> { ["Geo:AllowUnknownCountry"] = "true" });
        using var lenientClient = lenient.CreateClient();
        using var allowed = await lenientClient.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), peer), Ct);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        // Known foreign countries stay refused whatever this setting says.
        using var foreign = await lenientClient.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), "193.0.6.139"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
    }
}
