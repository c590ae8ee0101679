using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

/// <summary>
/// Every service, as a real process: its public port does not answer management paths under any
/// spelling, its management port does, and the management port serves nothing else.
/// </summary>
public sealed class ManagementPortTests(StackFixture stack) : IClassFixture<StackFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Services => new(ServiceName.All.Select(s => s.Project));

    /// <summary>Request-targets written byte for byte: case, percent-encoding, dot segments, doubled slashes.</summary>
    private static readonly string[] Variants =
    [
        "/metrics", "/METRICS", "/Metrics", "/%6detrics", "/%6D%65%74%72%69%63%73", "//metrics", "/./metrics", "/r4/../metrics",
        "/r4/%2e%2e/metrics", "/metrics/", "/health/ready", "/HEALTH/READY", "/health/./ready", "/health//ready", "//health/live",
        "/%68ealth/live", "/r4/../health/ready", "/health/live?x=1",
    ];

    /// <summary>One of each service's own public paths, which its management port must not serve (the monitor has none yet).</summary>
    private static string? PublicPath(ServiceName service) =>
        service == ServiceName.AuthServer ? "/.well-known/openid-configuration"
        : service == ServiceName.Monitor ? null
        : "/r4/metadata";

    [Theory]
    [MemberData(nameof(Services))]
    public async Task PublicPort_ManagementPathAnySpelling_NotAnswered(string project)
    {
        var service = stack[ServiceName.All.Single(s => s.Project == project)];

        foreach (var target in Variants)
        {
            var answer = await RawHttp.GetAsync(service.Port, target, cancellationToken: Ct);

            Assert.True(answer.Status is >= 400 and < 500, $"{project} {target} answered {answer.Status} on its public port:\n{answer.Head}\n{answer.Body}");
            Assert.DoesNotContain("# TYPE", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("\"checks\"", answer.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task ManagementPort_ServesMetricsAndHealthOnly(string project)
    {
        var name = ServiceName.All.Single(s => s.Project == project);
        var service = stack[name];

        var metrics = await RawHttp.GetAsync(service.ManagementPort, "/metrics", cancellationToken: Ct);
        var ready = await RawHttp.GetAsync(service.ManagementPort, "/health/ready", cancellationToken: Ct);
        var live = await RawHttp.GetAsync(service.ManagementPort, "/health/live", cancellationToken: Ct);
        var own = await RawHttp.GetAsync(service.ManagementPort, PublicPath(name) ?? "/", cancellationToken: Ct);
        var ownOnPublic = PublicPath(name) is { } path ? await RawHttp.GetAsync(service.Port, path, cancellationToken: Ct) : null;

        Assert.Equal(200, metrics.Status);
        Assert.Contains("# TYPE process_cpu_seconds_total counter", metrics.Body, StringComparison.Ordinal);
        Assert.Equal(200, ready.Status);
        Assert.Contains("\"checks\"", ready.Body, StringComparison.Ordinal);
        Assert.Equal(200, live.Status);
        Assert.Equal(404, own.Status);
        Assert.True(ownOnPublic is null || ownOnPublic.Status == 200, $"{project}'s own path answered {ownOnPublic?.Status} on its public port");
    }
}
