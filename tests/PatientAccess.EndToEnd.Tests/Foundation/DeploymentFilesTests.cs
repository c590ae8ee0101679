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
}
