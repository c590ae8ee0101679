using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

public sealed class MetricsExpositionTests(StackFixture stack) : IClassFixture<StackFixture>
{
    public static TheoryData<string> Services => new(ServiceName.All.Select(s => s.Project));

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Metrics_RunningService_PassesPromtoolWithEveryMetricType(string project)
    {
        var service = stack[ServiceName.All.Single(s => s.Project == project)];
        using var http = new HttpClient { BaseAddress = service.ManagementAddress };
        using var outside = new HttpClient { BaseAddress = service.BaseAddress };
        // Traffic first, so the request histogram has series (a 404 on the public port included).
        await http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        await outside.GetAsync(new Uri("/no-such-path", UriKind.Relative), TestContext.Current.CancellationToken);

        var text = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var (ok, report) = await Promtool.CheckMetricsAsync(text);

        Assert.True(ok, $"promtool check metrics failed for {project}:\n{report}");
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/health/ready\"", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_cpu_seconds_total counter", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE process_resident_memory_bytes gauge", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dotnet_gc_collections_total counter", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_ProxiedResponse_OneRequestIdHeader()
    {
        using var http = new HttpClient { BaseAddress = stack[ServiceName.Gateway].BaseAddress };
        using var response = await http.GetAsync(new Uri("/r4/metadata", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Single(response.Headers.GetValues("X-Request-Id"));
    }
}
