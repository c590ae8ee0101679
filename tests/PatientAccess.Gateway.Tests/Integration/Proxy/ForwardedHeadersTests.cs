using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Proxy;

/// <summary>What the store receives besides the member context: the gateway's request id, and nothing of the app's tracing.</summary>
public sealed class ForwardedHeadersTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_StoreReceivesTheGatewaysRequestId_NotTheAppsOwn()
    {
        var (status, gatewayId, seen) = await ReadAsync(("X-Request-Id", "chosen-by-the-app"));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual("chosen-by-the-app", gatewayId);
        Assert.Equal([gatewayId], seen["request_ids"]!.AsArray().Select(v => (string)v!));
        var audit = await fixture.AuditEventAsync(fixture.Gateway, gatewayId);
        Assert.NotNull(audit);
    }

    [Fact]
    public async Task Get_AppSendsTraceContext_NoneReachesTheStore()
    {
        var (status, _, seen) = await ReadAsync(
            ("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
            ("tracestate", "vendor=app"),
            ("baggage", "member=someone"),
            ("Request-Id", "|app.1."));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(seen["trace_headers"]!.AsArray());
    }

    /// <summary>One search through the gateway with the app's extra headers: its status, its X-Request-Id, and what the store received.</summary>
    private async Task<(HttpStatusCode Status, string RequestId, JsonObject Seen)> ReadAsync(params (string Name, string Value)[] headers)
    {
        using var client = fixture.Gateway.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        using var request = GatewayFixture.Get("/r4/Coverage?marker=" + marker, fixture.Tokens.Create());
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, Ct);
        var seen = fixture.Backend.Received.Last(r => ((string?)r["target"])?.EndsWith("marker=" + marker, StringComparison.Ordinal) == true);
        return (response.StatusCode, response.Headers.GetValues("X-Request-Id").Single(), seen);
    }
}
