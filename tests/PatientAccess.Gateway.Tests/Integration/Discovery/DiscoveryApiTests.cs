using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.Discovery;

/// <summary>SMART discovery and the CapabilityStatement, without a token; metrics stay valid Prometheus text.</summary>
public sealed class DiscoveryApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetSmartConfiguration_NoToken_EndpointsOfTheIssuer()
    {
        using var client = fixture.Gateway.CreateClient();
        var document = JsonNode.Parse(await client.GetStringAsync(new Uri("/r4/.well-known/smart-configuration", UriKind.Relative), Ct))!;

        Assert.Equal(TestTokens.Issuer, (string?)document["issuer"]);
        Assert.Equal(TestTokens.Issuer + "/oauth2/token", (string?)document["token_endpoint"]);
        Assert.Contains("permission-v2", document["capabilities"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task GetMetadata_NoToken_CapabilityStatementWithOauthUris()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.GetAsync(new Uri("/r4/metadata", UriKind.Relative), Ct);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var security = document["rest"]![0]!["security"]!;
        Assert.Equal("SMART-on-FHIR", (string?)security["service"]![0]!["coding"]![0]!["code"]);
        Assert.Contains(security["extension"]![0]!["extension"]!.AsArray(), e => (string?)e!["url"] == "token");
    }

    [Fact]
    public async Task GetMetrics_AfterRefusals_PromtoolCleanAndReasonsCounted()
    {
        using var client = fixture.Gateway.CreateClient();
        using (await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), "193.0.6.139"), Ct))
        {
        }

        using var management = fixture.Gateway.Server.CreateManagementClient();
        var text = await management.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);

        Assert.Contains("patientaccess_gateway_refusals_total{reason=\"geo\"}", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_gateway_request_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_gateway_audit_spool_depth", text, StringComparison.Ordinal);
        var promtool = await PatientAccess.Testing.Promtool.CheckMetricsAsync(text);
        Assert.True(promtool.Ok, promtool.Report);
    }
}
