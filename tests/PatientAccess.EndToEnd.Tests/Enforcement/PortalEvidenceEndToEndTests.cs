using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// Issue 15, "for the developer portal": a sandbox app's FHIR reads through the gateway reach the
/// developer's evidence of demo testing from the monitor's audit trail, across ./run.sh's real
/// processes (gateway → Redis stream → monitor → evidence key → authserver → portal API).
/// </summary>
[Collection(EnforcementGroup.Name)]
public sealed class PortalEvidenceEndToEndTests(EnforcementServices stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Evidence_SandboxAppReadsThroughTheGateway_CountedByResourceTypeForItsDeveloperOnly()
    {
        var apps = new ProductionApps(stack);
        var app = await apps.CreateAsync("evidence", production: false);
        var other = await apps.CreateAsync("evidence-other", production: false);
        var grant = await MemberGrants.AuthorizeAsync(stack, app, MemberGrants.NewMember("evidence"));
        using var gateway = stack.GatewayClient();
        var reads = await new AppRequests(gateway).ReadOwnAsync(grant);
        Assert.All(reads, s => Assert.Equal(HttpStatusCode.OK, s));

        using var portal = stack.AuthServerClient();
        portal.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.DeveloperToken);
        JsonObject evidence = [];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            evidence = JsonNode.Parse(await portal.GetStringAsync(new Uri($"/api/developer/clients/{app.ClientId}/evidence", UriKind.Relative), Ct))!.AsObject();
            return (long?)evidence["fhir_reads_total"] == reads.Length;
        }, TimeSpan.FromSeconds(60)), $"the portal's evidence never counted the {reads.Length} reads: {evidence.ToJsonString()}\n{stack.Logs("monitor", "authserver")}");
        Assert.Equal("available", (string?)evidence["fhir_reads_state"]);
        var byType = evidence["fhir_reads_by_resource_type"]!.AsObject();
        Assert.Equal(1, (long?)byType["Patient"]);
        Assert.Equal(1, (long?)byType["ExplanationOfBenefit"]);
        Assert.Equal(1, (long?)byType["Coverage"]);

        // Another developer never sees this app's evidence, and its own app has none.
        using var stranger = stack.AuthServerClient();
        stranger.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", other.DeveloperToken);
        using var refused = await stranger.GetAsync(new Uri($"/api/developer/clients/{app.ClientId}/evidence", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var own = JsonNode.Parse(await stranger.GetStringAsync(new Uri($"/api/developer/clients/{other.ClientId}/evidence", UriKind.Relative), Ct))!;
        Assert.Equal(0, (long?)own["fhir_reads_total"]);
    }
}
