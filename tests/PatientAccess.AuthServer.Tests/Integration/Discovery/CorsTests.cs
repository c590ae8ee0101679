using System.Net;

namespace PatientAccess.AuthServer.Tests.Integration.Discovery;

/// <summary>Issue 12 item 17 (the authserver's part): preflights answered per the CORS spec, never with credentials.</summary>
[Collection(AuthTestGroup.Name)]
public sealed class CorsTests(AuthBackends backends)
{
    private const string Origin = "https://smart-app.example";

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/smart-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Preflight_Documents_AnyOriginGetWithoutCredentials(string path)
    {
        using var preflight = await PreflightAsync(path, "GET", "x-requested-with");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains("GET", Header(preflight, "Access-Control-Allow-Methods"), StringComparison.Ordinal);
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", Origin);
        using var response = await backends[AuthBackends.Sqlite].Browser().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("/oauth2/token")]
    [InlineData("/oauth2/revoke")]
    public async Task Preflight_TokenEndpoints_PostWithAuthorizationAndContentType(string path)
    {
        using var preflight = await PreflightAsync(path, "POST", "authorization,content-type");
        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("*", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal("POST", Header(preflight, "Access-Control-Allow-Methods"));
        var headers = Header(preflight, "Access-Control-Allow-Headers")!.ToUpperInvariant();
        Assert.Contains("AUTHORIZATION", headers, StringComparison.Ordinal);
        Assert.Contains("CONTENT-TYPE", headers, StringComparison.Ordinal);
        Assert.Null(Header(preflight, "Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Post_TokenFromBrowserApp_ErrorReadableWithRetryAfterExposed()
    {
        var app = new SmartApp(backends[AuthBackends.Sqlite], confidential: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/oauth2/token", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = "x", ["client_id"] = app.ClientId }),
        };
        request.Headers.Add("Origin", Origin);
        using var response = await backends[AuthBackends.Sqlite].Browser().SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("*", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Header(response, "Access-Control-Expose-Headers")!, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/.well-known/jwks.json", "DELETE", true)]
    [InlineData("/oauth2/token", "PUT", true)]
    [InlineData("/oauth2/token", "GET", true)]
    [InlineData("/oauth2/introspect", "POST", false)]
    [InlineData("/admin/clients/demo-public-app", "GET", false)]
    public async Task Preflight_MethodOrEndpointNotOffered_NoPermissionGranted(string path, string method, bool corsEndpoint)
    {
        // The browser refuses unless the method is listed; server-to-server endpoints grant no origin at all.
        using var preflight = await PreflightAsync(path, method, "authorization");
        Assert.True((int)preflight.StatusCode < 500, preflight.StatusCode.ToString());
        if (!corsEndpoint)
        {
            Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        }

        var methods = Header(preflight, "Access-Control-Allow-Methods");
        Assert.True(methods is null || !methods.Contains(method, StringComparison.Ordinal), methods);
    }

    private async Task<HttpResponseMessage> PreflightAsync(string path, string method, string headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", Origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await backends[AuthBackends.Sqlite].Browser().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
