using System.Net;
using System.Text;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Methods;

/// <summary>Step 3: read-only methods, write attempts (405), oversized headers (431).</summary>
public sealed class RequestShapeMiddlewareTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("PUT", "/r4/Patient/pat-1")]
    [InlineData("DELETE", "/r4/Patient/pat-1")]
    [InlineData("PATCH", "/r4/Patient/pat-1")]
    [InlineData("POST", "/r4/Patient")]
    [InlineData("POST", "/r4/Patient/pat-1/$everything")]
    [InlineData("POST", "/r4/$import")]
    [InlineData("TRACE", "/r4/Patient")]
    [InlineData("OPTIONS", "/r4/Patient")]
    public async Task Send_WriteMethod_405WriteAttempt(string method, string path)
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get(path, fixture.Tokens.Create());
        request.Method = new HttpMethod(method);
        if (method == "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/fhir+json");
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("OperationOutcome", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("method", (string?)audit?["reason"]);
    }

    [Theory]
    [InlineData("X-HTTP-Method-Override", "DELETE")]
    [InlineData("X-HTTP-Method", "PUT")]
    [InlineData("X-Method-Override", "PATCH")]
    public async Task Post_WriteHiddenBehindMethodOverride_405(string header, string value)
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Patient/_search", fixture.Tokens.Create());
        request.Method = HttpMethod.Post;
        request.Content = new FormUrlEncodedContent([new("_id", "pat-1")]);
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_SearchWithFormBody_Proxied()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Coverage/_search", fixture.Tokens.Create());
        request.Method = HttpMethod.Post;
        request.Content = new FormUrlEncodedContent([new("beneficiary", "Patient/pat-1")]);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"context_valid\":true", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SearchWithJsonBody_405()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Coverage/_search", fixture.Tokens.Create());
        request.Method = HttpMethod.Post;
        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Get_64KbHeader_431WithOperationOutcome()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create());
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 64 * 1024));
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("target", (string?)audit?["reason"]);
    }
}
