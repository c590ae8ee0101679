using System.Net;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Audit;

/// <summary>
/// The audit event's <c>bytes</c> is what the app received: for a body whose length the store
/// declares (taken from the declaration, the body copied without the counter), for one it does
/// not (counted), and for the gateway's own refusals.
/// </summary>
public sealed class AuditBytesTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/r4/Binary/declared", HttpStatusCode.OK)]
    [InlineData("/r4/Coverage?patient=pat-1", HttpStatusCode.OK)]
    [InlineData("/r4/Patient/someone-else", HttpStatusCode.NotFound)]
    public async Task Get_AuditBytesEqualTheBodyTheAppReceived(string path, HttpStatusCode expected)
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(GatewayFixture.Get(path, fixture.Tokens.Create(), "8.8.8.8"), Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.True(body.Length > 0);
        if (path.EndsWith("declared", StringComparison.Ordinal))
        {
            Assert.Equal(FakeBackend.DeclaredBody, body);
        }

        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal(body.Length, (long?)audit?["bytes"]);
    }
}
