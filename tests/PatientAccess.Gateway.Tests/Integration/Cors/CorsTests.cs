using System.Net;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.Cors;

/// <summary>Issue 12, item 17: a browser SMART app's preflights are answered per the Fetch standard, never as write attempts, and every answer is readable.</summary>
public sealed class CorsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Origin = "https://app.example";

    private static readonly string[] AppReadsThese = ["Location", "RateLimit", "Retry-After", "WWW-Authenticate", "X-Request-Id", "Content-Location", "ETag", "Last-Modified"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpRequestMessage Preflight(string path, string method, string origin = Origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, path);
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", method);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization, accept");
        return request;
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(", ", content) : string.Empty;

    [Theory]
    [InlineData("/r4/Patient", "GET, HEAD")]
    [InlineData("/r4/Patient/pat-1", "GET, HEAD")]
    [InlineData("/r4/Observation/_search", "GET, HEAD, POST")]
    [InlineData("/r4/metadata", "GET, HEAD")]
    [InlineData("/r4/.well-known/smart-configuration", "GET, HEAD")]
    public async Task Preflight_FhirAddress_204WithWhatTheAppMayUseAndAuditedAsAllowed(string path, string methods)
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(Preflight(path, methods.EndsWith("POST", StringComparison.Ordinal) ? "POST" : "GET"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Equal(methods, Header(response, "Access-Control-Allow-Methods"));
        var allowed = Header(response, "Access-Control-Allow-Headers").Split(", ");
        Assert.Contains("Authorization", allowed);
        Assert.Contains("Content-Type", allowed);
        Assert.Contains("X-Request-Id", allowed);
        Assert.Equal("7200", Header(response, "Access-Control-Max-Age"));
        Assert.Empty(Header(response, "Access-Control-Allow-Credentials"));
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("allow", (string?)audit?["decision"]);
        Assert.Equal("OPTIONS", (string?)audit?["method"]);
        Assert.Null((string?)audit?["reason"]);
    }

    [Fact]
    public async Task Preflight_ForAWrite_204WithoutTheWriteSoTheBrowserNeverSendsIt()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(Preflight("/r4/Patient/pat-1", "DELETE"), Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("GET, HEAD", Header(response, "Access-Control-Allow-Methods"));
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.NotEqual("method", (string?)audit?["reason"]);
    }

    [Fact]
    public async Task Options_WithoutPreflightHeaders_StillRefusedAsAMethod()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/r4/Patient"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Preflight_OutsideTheFhirBase_404()
    {
        using var client = fixture.Gateway.CreateClient();
        using var response = await client.SendAsync(Preflight("/admin", "GET"), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK)]
    [InlineData("not-a-token", HttpStatusCode.Unauthorized)]
    public async Task Actual_FromABrowserOrigin_ReadableWithTheHeadersAnAppNeeds(string? token, HttpStatusCode expected)
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = GatewayFixture.Get("/r4/Coverage", token ?? fixture.Tokens.Create());
        request.Headers.TryAddWithoutValidation("Origin", Origin);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        var exposed = Header(response, "Access-Control-Expose-Headers").Split(", ");
        Assert.All(AppReadsThese, h => Assert.Contains(h, exposed));
    }

    [Fact]
    public async Task Actual_Throttled_429ReadableByTheBrowser()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["RateLimiting:Address:Burst"] = "1", ["RateLimiting:Address:PerSecond"] = "0.01" });
        using var client = gateway.CreateClient();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 2; i++)
        {
            last?.Dispose();
            var request = GatewayFixture.Get("/r4/.well-known/smart-configuration", peer: "10.88.0.1");
            request.Headers.TryAddWithoutValidation("Origin", Origin);
            last = await client.SendAsync(request, Ct);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Equal("*", Header(last, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(last, "Access-Control-Expose-Headers"), StringComparison.Ordinal);
        last.Dispose();
    }

    [Fact]
    public async Task ConfiguredOrigins_ListedOriginEchoedAndOthersRefused()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["Cors:AllowedOrigins"] = "https://listed.example, https://other.example:8443" });
        using var client = gateway.CreateClient();

        using (var listed = await client.SendAsync(Preflight("/r4/Patient", "GET", "https://listed.example"), Ct))
        {
            Assert.Equal(HttpStatusCode.NoContent, listed.StatusCode);
            Assert.Equal("https://listed.example", Header(listed, "Access-Control-Allow-Origin"));
            Assert.Contains("Origin", Header(listed, "Vary"), StringComparison.Ordinal);
        }

        using (var unlisted = await client.SendAsync(Preflight("/r4/Patient", "GET", "https://evil.example"), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, unlisted.StatusCode);
            Assert.Empty(Header(unlisted, "Access-Control-Allow-Origin"));
            var audit = await fixture.AuditEventAsync(gateway, unlisted.Headers.GetValues("X-Request-Id").Single());
            Assert.Equal("origin", (string?)audit?["reason"]);
        }

        using var request = GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create());
        request.Headers.TryAddWithoutValidation("Origin", "https://evil.example");
        using var actual = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, actual.StatusCode);
        Assert.Empty(Header(actual, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/r4/metadata")]
    [InlineData("/r4/.well-known/smart-configuration")]
    [InlineData("/r4/Binary/declared")]
    [InlineData("/r4/Patient/pat-1")]
    public async Task Head_WhereverGetIsServed_SameStatusAndHeadersNoBody(string path)
    {
        using var client = fixture.Gateway.CreateClient();
        var token = fixture.Tokens.Create();
        using var get = await client.SendAsync(GatewayFixture.Get(path, token), Ct);
        var getBody = await get.Content.ReadAsByteArrayAsync(Ct);
        using var headRequest = GatewayFixture.Get(path, token);
        headRequest.Method = HttpMethod.Head;
        using var head = await client.SendAsync(headRequest, Ct);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        if (get.Content.Headers.ContentLength is { } length)
        {
            Assert.Equal(getBody.Length, length);
            Assert.Equal(length, head.Content.Headers.ContentLength);
        }

        if (path.StartsWith("/r4/Patient/", StringComparison.Ordinal))
        {
            // The store was asked for the GET it stands for, signed as one.
            var received = fixture.Backend.Received.Last();
            Assert.Equal("GET", (string?)received["method"]);
            Assert.True((bool?)received["context_valid"]);
        }

        var audit = await fixture.AuditEventAsync(fixture.Gateway, head.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("HEAD", (string?)audit?["method"]);
        Assert.Equal(0, (long?)audit?["bytes"]);
        Assert.Equal("allow", (string?)audit?["decision"]);
    }

    [Fact]
    public async Task Head_Refused_SameStatusAndHeadersAsGetNoBody()
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, "/r4/Coverage");
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Ct));
        var audit = await fixture.AuditEventAsync(fixture.Gateway, response.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("HEAD", (string?)audit?["method"]);
        Assert.Equal(0, (long?)audit?["bytes"]);
    }
}
