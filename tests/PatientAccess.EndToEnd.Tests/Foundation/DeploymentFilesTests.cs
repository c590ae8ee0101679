using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

public sealed class DeploymentFilesTests
{
    [Fact]
    public async Task PrometheusConfig_Shipped_PassesPromtool()
    {
        var promtool = ExternalTool.Require("promtool", "prometheus");
        var path = Path.Combine(RepoPaths.Root, "deploy", "prometheus", "prometheus.yml");

        var (exitCode, output) = await ExternalTool.RunAsync(promtool, ["check", "config", path]);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void Compose_EveryService_HasBuildAndPort()
    {
        var compose = File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));

        foreach (var service in ServiceName.All)
        {
            Assert.Contains($"SERVICE_FOLDER: {service.Folder}, SERVICE_PROJECT: {service.Project}", compose, StringComparison.Ordinal);
        }

        Assert.Contains("Proxy__FhirStoreUrl: http://fhir-store:5100", compose, StringComparison.Ordinal);
    }

    /// <summary>
    /// What the compose file publishes: the gateway's nginx (5000) and the authserver (5001) on all
    /// interfaces, the monitor, Prometheus and Grafana (staff tools) on loopback only, and
    /// never a management port; Prometheus scrapes the management ports; no gateway holds the admin key.
    /// </summary>
    [Fact]
    public void Compose_PublishedPorts_OnlyPublicDoorsManagementInternal()
    {
        var compose = File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));
        var prometheus = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "prometheus", "prometheus.yml"));
        var published = System.Text.RegularExpressions.Regex.Matches(compose, @"^\s*ports:\s*\[(?<list>[^\]]*)\]", System.Text.RegularExpressions.RegexOptions.Multiline)
            .SelectMany(m => m.Groups["list"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(p => p.Trim('"'))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["127.0.0.1:3000:3000", "127.0.0.1:5003:5003", "127.0.0.1:9090:9090", "5000:5000", "5001:5001"], published);
        foreach (var (service, management) in new[] { ("gateway", 6000), ("authserver", 6001), ("fhir-store", 6100), ("monitor", 6003) })
        {
            Assert.Contains($"Service__ManagementPort: \"{management}\"", compose, StringComparison.Ordinal);
            Assert.Contains(service == "gateway" ? "port: 6000" : $"{service}:{management}", prometheus, StringComparison.Ordinal);
            Assert.Contains($"/dev/tcp/127.0.0.1/{management}", compose, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Revocation__AdminApiKey", compose, StringComparison.Ordinal);
        Assert.DoesNotContain("${ADMIN_KEY:", compose, StringComparison.Ordinal);
        Assert.Contains("Revocation__FeedKey: ${REVOCATION_FEED_KEY:?", compose, StringComparison.Ordinal);
        Assert.Contains("Admin__RevocationFeedKeyHashes__0: ${REVOCATION_FEED_KEY_SHA256:?", compose, StringComparison.Ordinal);
    }
}
