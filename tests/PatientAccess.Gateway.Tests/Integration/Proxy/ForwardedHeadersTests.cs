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
        using var client = fixture.Gateway.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        using var request = GatewayFixture.Get("/r4/Coverage?marker=" + marker, fixture.Tokens.Create());
        request.Headers.TryAddWithoutValidation("X-Request-Id", "chosen-by-the-app");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var gatewayId = response.Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual("chosen-by-the-app", gatewayId);
        var seen = Seen(marker);
        Assert.Equal([gatewayId], seen["request_ids"]!.AsArray().Select(v => (string)v!));
        var audit = await fixture.AuditEventAsync(fixture.Gateway, gatewayId);
        Assert.NotNull(audit);
    }

    [Fact]
    public async Task Get_AppSendsTraceContext_NoneReachesTheStore()
    {
        using var client = fixture.Gateway.CreateClient();
        var marker = Guid.NewGuid().ToString("N");
        using var request = GatewayFixture.Get("/r4/Coverage?marker=" + marker, fixture.Tokens.Create());
        request.Headers.TryAddWithoutValidation("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        request.Headers.TryAddWithoutValidation("tracestate", "vendor=app");
        request.Headers.TryAddWithoutValidation("baggage", "member=someone");
        request.Headers.TryAddWithoutValidation("Request-Id", "|app.1.");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(Seen(marker)["trace_headers"]!.AsArray());
    }

    private JsonObject Seen(string marker) =>
        fixture.Backend.Received.Last(r => ((string?)r["target"])?.EndsWith("marker=" + marker, StringComparison.Ordinal) == true);
}
