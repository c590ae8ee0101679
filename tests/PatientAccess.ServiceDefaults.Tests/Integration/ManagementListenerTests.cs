using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.Testing;

namespace PatientAccess.ServiceDefaults.Tests.Integration;

/// <summary>
/// <c>/metrics</c> and <c>/health/*</c> exist only on <c>Service:ManagementPort</c>; the public
/// listener does not route them under any spelling, and the management listener serves nothing else.
/// </summary>
public sealed class ManagementListenerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Request-targets as an outsider would write them, sent byte for byte to real Kestrel.</summary>
    public static TheoryData<string> Variants => new(
        "/metrics", "/METRICS", "/Metrics", "/metrics/", "/%6detrics", "/%6Detrics", "/%6D%65%74%72%69%63%73", "//metrics", "///metrics",
        "/./metrics", "/x/../metrics", "/r4/../metrics", "/r4/%2e%2e/metrics", "/metrics?x=1", "/metrics;x", "/metrics%00",
        "/health/ready", "/health/live", "/HEALTH/READY", "/Health/Live", "/health/./ready", "/health//ready", "//health/ready",
        "/health/ready/", "/%68ealth/ready", "/health/%72eady", "/health/x/../ready", "/r4/../health/live", "/health", "/health/");

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task PublicListener_ManagementPathAnySpelling_NotServed(string target)
    {
        await using var app = await TestHost.StartAsync(map: a => a.MapGet("/hello", () => "hi"), kestrel: true);
        var (publicPort, _) = Ports(app);

        var answer = await RawHttp.GetAsync(publicPort, target, cancellationToken: Ct);

        Assert.True(answer.Status is 400 or 404, $"{target} answered {answer.Status} on the public port:\n{answer.Head}\n{answer.Body}");
        Assert.DoesNotContain("# TYPE", answer.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Healthy", answer.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementListener_RealSockets_ServesManagementOnlyThere()
    {
        await using var app = await TestHost.StartAsync(map: a => a.MapGet("/hello", () => "hi"), kestrel: true);
        var (publicPort, managementPort) = Ports(app);

        var appOnPublic = await RawHttp.GetAsync(publicPort, "/hello", cancellationToken: Ct);
        var metrics = await RawHttp.GetAsync(managementPort, "/metrics", cancellationToken: Ct);
        var ready = await RawHttp.GetAsync(managementPort, "/health/ready", cancellationToken: Ct);
        var upper = await RawHttp.GetAsync(managementPort, "/METRICS", cancellationToken: Ct);
        var appOnManagement = await RawHttp.GetAsync(managementPort, "/hello", cancellationToken: Ct);

        Assert.Equal(200, metrics.Status);
        Assert.Contains("http_route=\"/hello\"", metrics.Body, StringComparison.Ordinal);
        Assert.Equal(200, ready.Status);
        Assert.Equal(200, upper.Status);
        Assert.Equal(404, appOnManagement.Status);
        Assert.DoesNotContain("hi", appOnManagement.Body, StringComparison.Ordinal);
        Assert.Equal(200, appOnPublic.Status);
    }

    [Fact]
    public async Task PublicListener_HostHeaderNamesManagementPort_NotServed()
    {
        await using var app = await TestHost.StartAsync(kestrel: true);
        var (publicPort, managementPort) = Ports(app);

        var answer = await RawHttp.GetAsync(publicPort, "/metrics", host: $"127.0.0.1:{managementPort}", cancellationToken: Ct);
        var forwarded = await RawHttp.GetAsync(publicPort, "/metrics", extraHeaders: $"X-Forwarded-Port: {managementPort}\r\nX-Forwarded-For: 127.0.0.1\r\n", cancellationToken: Ct);

        Assert.Equal(404, answer.Status);
        Assert.Equal(404, forwarded.Status);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    [InlineData("/METRICS")]
    public async Task InProcess_PublicRequest_404ManagementRequest_200(string path)
    {
        await using var app = await TestHost.StartAsync();
        using var management = app.GetTestServer().CreateManagementClient();

        using var outside = await app.GetTestClient().GetAsync(new Uri(path, UriKind.Relative), Ct);
        using var inside = await management.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
    }

    [Fact]
    public async Task ManagementListener_NoPeerAddress_404()
    {
        await using var app = await TestHost.StartAsync();
        var port = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value.ManagementPort;

        var context = await app.GetTestServer().SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/metrics";
            c.Connection.LocalPort = port;
        }, Ct);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
    }

    private static (int Public, int Management) Ports(WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Assert.Equal(2, addresses.Count);
        return (options.Port, options.ManagementPort);
    }
}
