using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// The compose deployment's front door as real processes: Debian's nginx running the repository's
/// <c>deploy/nginx/gateway.conf</c> (only its listen port and upstream servers substituted, see
/// <see cref="NginxServer"/>) in front of two gateway processes. Apps reach the FHIR API through it;
/// nobody reaches <c>/metrics</c> or <c>/health</c>, whatever the spelling, with a valid token or without.
/// </summary>
[Collection(CrossProcessGroup.Name)]
public sealed class NginxFrontCrossProcessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Written byte for byte: case, percent-encoding, dot segments, doubled slashes, through the FHIR base.</summary>
    private static readonly string[] Variants =
    [
        "/metrics", "/METRICS", "/Metrics", "/metrics/", "/%6detrics", "/%6Detrics", "/%6D%65%74%72%69%63%73", "//metrics", "///metrics",
        "/./metrics", "/x/../metrics", "/r4/../metrics", "/r4/%2e%2e/metrics", "/r4/%2E%2E/metrics", "/r4/..%2fmetrics", "/r4/%2e%2e%2fmetrics",
        "/R4/../METRICS", "/r4/./../metrics", "/metrics?format=text", "/metrics%3F", "/metrics%00", "/metrics;a=b",
        "/health/ready", "/health/live", "/HEALTH/READY", "/Health/Live", "/health/./ready", "/health//ready", "//health/ready",
        "/health/ready/", "/%68ealth/ready", "/health/%72eady", "/health/x/../ready", "/r4/../health/live", "/r4/%2e%2e/health/ready",
        "/health", "/HEALTH", "/health/",
    ];

    [Fact]
    public async Task Nginx_ManagementPathAnySpelling_RefusedFhirApiWorks()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        await using var replicas = await GatewayReplicas.StartAsync(2, redis.ConnectionString, backend, backend.Url, FakeBackend.FeedKey,
            new Dictionary<string, string>
            {
                // nginx on loopback is the only proxy whose X-Forwarded-For is believed, as in compose.
                ["ClientAddress__TrustedProxies__0"] = "127.0.0.1/32",
            });
        await using var nginx = await NginxServer.StartAsync(replicas.Processes.Select(p => p.Port));
        var token = tokens.Create();
        var bearer = $"Authorization: Bearer {token}\r\n";

        // The FHIR API works through nginx: discovery, and a read with the member context verified by the store.
        var metadata = await RawHttp.GetAsync(nginx.Port, "/r4/metadata", cancellationToken: Ct);
        var read = await RawHttp.GetAsync(nginx.Port, $"/r4/Patient/{TestTokens.PatientId}", extraHeaders: bearer, cancellationToken: Ct);
        Assert.True(metadata.Status == 200, $"/r4/metadata through nginx answered {metadata.Status}:\n{metadata.Body}\n{nginx.Output}");
        Assert.True(read.Status == 200, $"a read through nginx answered {read.Status}:\n{read.Body}\n{nginx.Output}\n{replicas.Output()}");
        Assert.Contains("\"context_valid\":true", read.Body, StringComparison.Ordinal);

        foreach (var target in Variants)
        {
            foreach (var headers in new[] { string.Empty, bearer })
            {
                var answer = await RawHttp.GetAsync(nginx.Port, target, extraHeaders: headers, cancellationToken: Ct);

                Assert.True(answer.Status is >= 400 and < 500,
                    $"{target} ({(headers.Length > 0 ? "with" : "without")} a token) answered {answer.Status} through nginx:\n{answer.Head}\n{answer.Body}");
                Assert.DoesNotContain("# TYPE", answer.Body, StringComparison.Ordinal);
                Assert.DoesNotContain("\"checks\"", answer.Body, StringComparison.Ordinal);
            }
        }

        // Behind nginx every caller is a private address; the management port is the fence, not the address rule.
        foreach (var replica in replicas.Processes)
        {
            var direct = await RawHttp.GetAsync(replica.Port, "/metrics", extraHeaders: "X-Forwarded-For: 10.0.0.1\r\n" + bearer, cancellationToken: Ct);
            var management = await RawHttp.GetAsync(replica.ManagementPort, "/metrics", cancellationToken: Ct);
            Assert.Equal(404, direct.Status);
            Assert.Equal(200, management.Status);
            Assert.Contains("# TYPE", management.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AdaptConfig_ShippedFile_OnlyListenAndUpstreamChange()
    {
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "nginx", "gateway.conf"));

        var adapted = NginxServer.AdaptConfig(shipped, 18080, [19001, 19002]);

        var removed = shipped.Split('\n').Except(adapted.Split('\n')).ToList();
        Assert.Equal([$"    {NginxServer.ListenLine}", $"    {NginxServer.UpstreamLine}"], removed.Order(StringComparer.Ordinal));
        Assert.Contains("listen 127.0.0.1:18080;", adapted, StringComparison.Ordinal);
        Assert.Contains("server 127.0.0.1:19001;", adapted, StringComparison.Ordinal);
        Assert.Contains("server 127.0.0.1:19002;", adapted, StringComparison.Ordinal);
    }
}
