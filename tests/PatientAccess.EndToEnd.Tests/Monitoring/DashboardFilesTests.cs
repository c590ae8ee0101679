using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// The Grafana side, as files: dashboards Grafana 10+ can provision (uids, templated on the data
/// source), and docker-compose.yml mounting the provisioning, the dashboards and the rules.
/// Their queries run against real data in <see cref="DashboardsLiveTests"/>.
/// </summary>
public sealed class DashboardFilesTests
{
    [Fact]
    public void Dashboards_Shipped_FourWithUidsSchemaAndDatasourceVariable()
    {
        var dashboards = DashboardFile.All();

        Assert.Equal(["pa-app", "pa-gateway", "pa-monitor", "pa-overview"], dashboards.Select(d => d.Uid).Order(StringComparer.Ordinal));
        foreach (var dashboard in dashboards)
        {
            // Grafana 10.0 writes schemaVersion 38; older numbers would be migrated on load.
            Assert.True(dashboard.Root.GetProperty("schemaVersion").GetInt32() >= 38, $"{dashboard.Uid}: schemaVersion below Grafana 10's");
            Assert.Equal($"{dashboard.Uid}.json", Path.GetFileName(dashboard.Path));
            var datasource = dashboard.Root.GetProperty("templating").GetProperty("list").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "datasource");
            Assert.Equal("datasource", datasource.GetProperty("type").GetString());
            Assert.Equal("prometheus", datasource.GetProperty("query").GetString());
            Assert.True(dashboard.Panels.Count >= 8, $"{dashboard.Uid} has {dashboard.Panels.Count} panels");
        }
    }

    /// <summary>Every panel and query names the data source by the variable, never a fixed uid, so another Prometheus works.</summary>
    [Fact]
    public void Dashboards_EveryPanelAndQuery_UseTheDatasourceVariable()
    {
        foreach (var dashboard in DashboardFile.All())
        {
            var ids = new HashSet<int>();
            foreach (var panel in dashboard.Root.GetProperty("panels").EnumerateArray())
            {
                var title = panel.GetProperty("title").GetString();
                Assert.True(ids.Add(panel.GetProperty("id").GetInt32()), $"{dashboard.Uid}: panel id repeated at {title}");
                Assert.Equal("${datasource}", panel.GetProperty("datasource").GetProperty("uid").GetString());
                Assert.True(panel.GetProperty("description").GetString()?.Length > 10, $"{dashboard.Uid} / {title} has no description");
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    Assert.Equal("${datasource}", target.GetProperty("datasource").GetProperty("uid").GetString());
                    Assert.False(string.IsNullOrWhiteSpace(target.GetProperty("expr").GetString()), $"{dashboard.Uid} / {title}: empty query");
                }
            }
        }
    }

    /// <summary>The per-app dashboard is chosen by app; every query there is about the chosen app only.</summary>
    [Fact]
    public void AppDashboard_EveryQuery_FilteredByTheAppVariable()
    {
        var app = DashboardFile.All().Single(d => d.Uid == "pa-app");

        Assert.Contains("app", app.VariableNames);
        foreach (var query in app.Panels.SelectMany(p => p.Queries))
        {
            Assert.Contains("client_id=\"$app\"", query.Expression, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_Grafana_ProvisioningDashboardsAndRulesMounted()
    {
        var compose = File.ReadAllText(Path.Combine(RepoPaths.Root, "docker-compose.yml"));
        var provider = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "grafana", "provisioning", "dashboards", "patientaccess.yml"));
        var datasource = File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "grafana", "provisioning", "datasources", "prometheus.yml"));

        Assert.Contains("./deploy/grafana/provisioning:/etc/grafana/provisioning:ro", compose, StringComparison.Ordinal);
        Assert.Contains("./deploy/grafana/dashboards:/var/lib/grafana/dashboards:ro", compose, StringComparison.Ordinal);
        Assert.Contains("path: /var/lib/grafana/dashboards", provider, StringComparison.Ordinal);
        Assert.Contains("url: http://prometheus:9090", datasource, StringComparison.Ordinal);
        Assert.Contains("./deploy/prometheus/rules:/etc/prometheus/rules:ro", compose, StringComparison.Ordinal);
        Assert.Contains("GF_SECURITY_ADMIN_PASSWORD: ${GRAFANA_ADMIN_PASSWORD:?", compose, StringComparison.Ordinal);
        Assert.Contains("GF_AUTH_ANONYMOUS_ENABLED: \"false\"", compose, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DashboardFile.Folder, "pa-overview.json")));
        Assert.Contains("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH: /var/lib/grafana/dashboards/pa-overview.json", compose, StringComparison.Ordinal);
    }

    /// <summary>The test copy of the configuration changes targets and intervals only; promtool accepts it.</summary>
    [Fact]
    public async Task ConfigCopy_LoopbackTargets_PassesPromtoolWithEveryJobAndRuleFile()
    {
        var folder = Directory.CreateTempSubdirectory("pa-prometheus-copy-").FullName;
        try
        {
            var config = PrometheusConfigCopy.Write(folder, new Dictionary<string, IReadOnlyList<string>>
            {
                ["gateway"] = ["127.0.0.1:16000", "127.0.0.1:16010"],
                ["authserver"] = ["127.0.0.1:16001"],
                ["fhir-store"] = ["127.0.0.1:16100"],
                ["monitor"] = ["127.0.0.1:16003"],
            });
            var promtool = ExternalTool.Require("promtool", "prometheus");

            var (exitCode, output) = await ExternalTool.RunAsync(promtool, ["check", "config", config]);

            Assert.True(exitCode == 0, output);
            var text = File.ReadAllText(config);
            Assert.DoesNotContain("dns_sd_configs", text, StringComparison.Ordinal);
            Assert.Contains("static_configs: [{ targets: [\"127.0.0.1:16000\", \"127.0.0.1:16010\"] }]", text, StringComparison.Ordinal);
            Assert.Contains("SUCCESS: 5 rule files found", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
