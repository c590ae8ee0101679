using System.Net;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.Proxy;

/// <summary>Store down: 503; store slow: 504; both OperationOutcomes, quickly.</summary>
public sealed class UpstreamErrorTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_StoreDown_503OperationOutcome()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Proxy:FhirStoreUrl"] = $"http://127.0.0.1:{FreePort.Next()}" });
        using var client = gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create()), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_StoreSlow_504AfterTimeout()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Proxy:TimeoutSeconds"] = "1" });
        using var client = gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get("/r4/Slow", fixture.Tokens.Create(TestTokens.Claims(scope: "patient/*.rs"))), Ct);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
