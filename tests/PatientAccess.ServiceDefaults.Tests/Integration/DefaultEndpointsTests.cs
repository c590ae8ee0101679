using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatientAccess.ServiceDefaults.Health;
using PatientAccess.Testing;

namespace PatientAccess.ServiceDefaults.Tests.Integration;

public sealed class DefaultEndpointsTests
{
    [Fact]
    public async Task Metrics_AfterRequests_RequestDurationHistogramByRouteMethodStatus()
    {
        await using var app = await TestHost.StartAsync(map: a => a.MapGet("/hello/{name}", (string name) => $"hi {name}"));
        var client = app.GetTestClient();
        await client.GetAsync(new Uri("/hello/ann", UriKind.Relative), TestContext.Current.CancellationToken);
        await client.GetAsync(new Uri("/hello/bob", UriKind.Relative), TestContext.Current.CancellationToken);

        using var management = app.GetTestServer().CreateManagementClient();
        using var response = await management.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        var count = text.Split('\n').Single(l => l.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/hello/{name}\"", StringComparison.Ordinal));
        Assert.Contains("http_request_method=\"GET\"", count, StringComparison.Ordinal);
        Assert.Contains("http_response_status_code=\"200\"", count, StringComparison.Ordinal);
        Assert.EndsWith(" 2", count, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_cpu_seconds_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_heap_total_allocated_bytes_total counter", text, StringComparison.Ordinal);
        var (ok, report) = await Testing.Promtool.CheckMetricsAsync(text);
        Assert.True(ok, report);
    }

    [Fact]
    public async Task Metrics_ServiceInstrumentsWithHostileLabels_ServedEscapedAndPassPromtool()
    {
        await using var app = await TestHost.StartAsync();
        // A service's own instruments come from its IMeterFactory, as ASP.NET Core's do.
        var meter = app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>().Create(new System.Diagnostics.Metrics.MeterOptions("PatientAccess.Test"));
        meter.CreateCounter<long>("patientaccess.refusals", null, "Refusals by reason.")
            .Add(1, new KeyValuePair<string, object?>("reason", "bad \"token\"\nfrom C:\\app"));
        meter.CreateObservableGauge("patientaccess.spool.depth", () => 3, null, "Spool depth.");
        meter.CreateHistogram<double>("patientaccess.upstream.duration", "s", "Upstream time.")
            .Record(0.02, new KeyValuePair<string, object?>("client_id", "app\"1\""));

        using var management = app.GetTestServer().CreateManagementClient();
        var text = await management.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("patientaccess_refusals_total{reason=\"bad \\\"token\\\"\\nfrom C:\\\\app\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_spool_depth 3\n", text, StringComparison.Ordinal);
        Assert.Contains("patientaccess_upstream_duration_seconds_count{client_id=\"app\\\"1\\\"\"} 1\n", text, StringComparison.Ordinal);
        var (ok, report) = await Testing.Promtool.CheckMetricsAsync(text);
        Assert.True(ok, report);
    }

    [Fact]
    public async Task HealthReady_CheckUnhealthy_503WithCheckNamed()
    {
        var healthy = false;
        await using var app = await TestHost.StartAsync(configure: b => b.Services.AddHealthChecks()
            .AddCheck("upstream", () => healthy ? HealthCheckResult.Healthy("fine") : HealthCheckResult.Unhealthy("upstream is down"), [HealthEndpoints.ReadyTag]));
        using var client = app.GetTestServer().CreateManagementClient();

        using var notReady = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        healthy = true;
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, notReady.StatusCode);
        Assert.Contains("upstream is down", await notReady.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Theory]
    [InlineData("203.0.113.9", HttpStatusCode.NotFound)]
    [InlineData("2001:db8::1", HttpStatusCode.NotFound)]
    [InlineData("10.1.2.3", HttpStatusCode.OK)]
    [InlineData("127.0.0.1", HttpStatusCode.OK)]
    [InlineData("::ffff:192.168.1.20", HttpStatusCode.OK)]
    public async Task Metrics_FromAddress_OnlyManagementNetworks(string address, HttpStatusCode expected)
    {
        await using var app = await TestHost.StartAsync();
        using var client = app.GetTestServer().CreateManagementClient();
        client.DefaultRequestHeaders.Add(TestHost.RemoteAddressHeader, address);

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        using var health = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, metrics.StatusCode);
        Assert.Equal(expected, health.StatusCode);
    }

    [Fact]
    public async Task Metrics_ConfiguredManagementNetwork_ReplacesDefaults()
    {
        await using var app = await TestHost.StartAsync(settings: new Dictionary<string, string?> { ["Service:ManagementNetworks:0"] = "198.51.100.0/24" });
        using var client = app.GetTestServer().CreateManagementClient();
        client.DefaultRequestHeaders.Add(TestHost.RemoteAddressHeader, "10.0.0.1");
        using var denied = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Remove(TestHost.RemoteAddressHeader);
        client.DefaultRequestHeaders.Add(TestHost.RemoteAddressHeader, "198.51.100.7");
        using var allowed = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Theory]
    [InlineData("abc-123_x.y:z", true)]
    [InlineData("has space", false)]
    [InlineData("new\nline", false)]
    [InlineData("<script>", false)]
    public async Task RequestId_Incoming_KeptOnlyWhenSafe(string incoming, bool kept)
    {
        await using var app = await TestHost.StartAsync(map: a => a.MapGet("/id", (HttpContext c) => c.TraceIdentifier));
        var request = new HttpRequestMessage(HttpMethod.Get, "/id");
        request.Headers.TryAddWithoutValidation("X-Request-Id", incoming);

        using var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);
        var seen = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(seen, Assert.Single(response.Headers.GetValues("X-Request-Id")));
        Assert.Equal(kept, seen == incoming);
        Assert.Matches("^[A-Za-z0-9._:-]{1,128}$", seen);
    }

    [Fact]
    public async Task RequestId_TooLong_Replaced()
    {
        await using var app = await TestHost.StartAsync(map: a => a.MapGet("/id", (HttpContext c) => c.TraceIdentifier));
        var request = new HttpRequestMessage(HttpMethod.Get, "/id");
        request.Headers.Add("X-Request-Id", new string('a', 129));

        using var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(32, (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Length);
    }

    [Fact]
    public async Task RequestId_NotTrusted_AlwaysOwn()
    {
        await using var app = await TestHost.StartAsync(
            map: a => a.MapGet("/id", (HttpContext c) => c.TraceIdentifier),
            settings: new Dictionary<string, string?> { ["Service:TrustIncomingRequestId"] = "false" });
        var request = new HttpRequestMessage(HttpMethod.Get, "/id");
        request.Headers.Add("X-Request-Id", "forged-by-client");

        using var response = await app.GetTestClient().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.NotEqual("forged-by-client", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
