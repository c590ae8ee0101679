using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PatientAccess.EndToEnd.Tests.Foundation;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// The repository's Prometheus configuration and rules, run by Debian's real Prometheus against
/// ./run.sh's real processes while a well-behaved and a misbehaving app (real SMART launches) use
/// the gateway; then every query of every dashboard goes through Prometheus' HTTP API as Grafana
/// would send it, and the misbehaving app's alert is read from /api/v1/alerts.
/// </summary>
[Collection(RunScriptGroup.Name)]
public sealed class DashboardsLiveTests(ITestOutputHelper output)
{
    /// <summary>Panels that healthy traffic leaves empty by design (promtool's tests show their alerts).</summary>
    private static readonly Dictionary<string, string> NotFilledByTraffic = new()
    {
        ["pa-monitor / Audit stream trimmed"] = "counted only once the stream reaches its cap",
        ["pa-gateway / Upstream errors"] = "counted only when the fhir-store fails to answer",
    };

    /// <summary>The test stack's own settings, passed through run.sh to the services.</summary>
    private static readonly Dictionary<string, string> StackSettings = new()
    {
        // The test stands for a proxy on loopback: each app's users get an address of their own (X-Forwarded-For).
        ["ClientAddress__TrustedProxies__0"] = "127.0.0.1/32",
        // Per-address limits out of the way, so the per-app token limit is the one the misbehaving app hits.
        ["RateLimiting__Address__Burst"] = "100000",
        ["RateLimiting__Address__PerSecond"] = "100000",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Dashboards_RealStackWithWellBehavedAndMisbehavingApps_QueriesParseTrafficFillsPanelsAndAlertFires()
    {
        var data = Directory.CreateTempSubdirectory("pa-monitoring-").FullName;
        try
        {
            await RunAsync(data);
        }
        finally
        {
            // After the stack has stopped (RunAsync disposes it): nothing of the run is left behind.
            Directory.Delete(data, recursive: true);
        }
    }

    private async Task RunAsync(string data)
    {
        await using var stack = new RunScript(data, environment: StackSettings);
        Assert.True(await stack.WaitForOutputAsync("Press Ctrl-C to stop.", TimeSpan.FromMinutes(10)), stack.Output);
        var ports = stack.Ports;
        var folder = Directory.CreateTempSubdirectory("pa-prometheus-").FullName;
        var config = PrometheusConfigCopy.Write(folder, new Dictionary<string, IReadOnlyList<string>>
        {
            ["gateway"] = [$"127.0.0.1:{ports["PA_GATEWAY_MANAGEMENT_PORT"]}"],
            ["authserver"] = [$"127.0.0.1:{ports["PA_AUTHSERVER_MANAGEMENT_PORT"]}"],
            ["fhir-store"] = [$"127.0.0.1:{ports["PA_FHIRSTORE_MANAGEMENT_PORT"]}"],
            ["monitor"] = [$"127.0.0.1:{ports["PA_MONITOR_MANAGEMENT_PORT"]}"],
        });
        await using var prometheus = await PrometheusServer.StartAsync(config, folder);

        var authserver = new Uri($"http://127.0.0.1:{ports["PA_AUTHSERVER_PORT"]}");
        var audience = $"http://localhost:{ports["PA_GATEWAY_PORT"]}/r4";
        var good = await SmartLaunch.RunAsync(authserver, data, audience, "confidential");
        var bad = await SmartLaunch.RunAsync(authserver, data, audience, "public");
        await WrongClientSecretAsync(authserver);

        using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports["PA_GATEWAY_PORT"]}"), Timeout = TimeSpan.FromSeconds(60) };
        var traffic = new AppTraffic(gateway, good, bad);
        var started = DateTimeOffset.UtcNow;
        JsonElement? firing = null;
        // One round a second until Prometheus fires the alert ("for: 1m" after the ratio crosses 10%), at most
        // 6 minutes, and at least 2 minutes so the pictures show some history.
        for (var round = 0; (firing is null || round < 120) && round < 360; round++)
        {
            var second = Task.Delay(TimeSpan.FromSeconds(1), Ct);
            await traffic.RoundAsync(round, Ct);
            if (round % 5 == 4 && firing is null)
            {
                firing = Find(await prometheus.AlertsAsync(), "AppRefusalRatioHigh", bad.ClientId, "firing");
            }

            await second;
        }

        var alerts = await prometheus.AlertsAsync();
        output.WriteLine($"answers: {string.Join(", ", traffic.Answers.OrderBy(a => a.Key.Client).Select(a => $"{a.Key.Client} {a.Key.Status}: {a.Value}"))}");
        output.WriteLine($"alerts after {DateTimeOffset.UtcNow - started:mm\\:ss}: {alerts}");
        // What the two apps' users saw: the well-behaved app was always served; the misbehaving one was refused.
        Assert.Equal(0, traffic.Count(good.ClientId, status => status >= 300));
        Assert.True(traffic.Count(good.ClientId, status => status == 200) > 0);
        Assert.True(traffic.Count(bad.ClientId, status => status == 429) > 0, "the misbehaving app never hit its rate limit");
        Assert.True(traffic.Count(bad.ClientId, status => status == 404) > 0, "the misbehaving app's reads outside its compartment were answered");
        Assert.True(firing is not null, $"AppRefusalRatioHigh never fired for {bad.ClientId}:\n{alerts}\n{await prometheus.TargetsAsync()}");
        Assert.Equal("warning", firing.Value.GetProperty("labels").GetProperty("severity").GetString());
        Assert.Equal("docs/operations.md#apprefusalratiohigh", firing.Value.GetProperty("annotations").GetProperty("runbook_url").GetString());
        Assert.Null(Find(alerts, "AppRefusalRatioHigh", good.ClientId, state: null));
        // The monitor's own verdict reaches staff too: its detectors flagged the misbehaving app (its
        // write attempts and rate-limit hits), and the alert on that flag fires; the good app is never flagged.
        JsonElement? flagged = null;
        for (var wait = 0; flagged is null && wait < 60; wait++)
        {
            flagged = Find(await prometheus.AlertsAsync(), "AppFlaggedByMonitor", bad.ClientId, "firing");
            if (flagged is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            }
        }

        alerts = await prometheus.AlertsAsync();
        Assert.True(flagged is not null, $"AppFlaggedByMonitor never fired for {bad.ClientId}:\n{alerts}");
        Assert.Null(Find(alerts, "AppFlaggedByMonitor", good.ClientId, state: null));
        Assert.Null(Find(alerts, "AppErrorRatioHigh", good.ClientId, state: null));
        foreach (var target in (await prometheus.TargetsAsync()).EnumerateArray())
        {
            Assert.True(target.GetProperty("health").GetString() == "up", $"target not up: {target}");
        }

        var results = await QueryEveryPanelAsync(prometheus, new GrafanaMacros(bad.ClientId, "30s", "15m"));
        await DrawPicturesAsync(prometheus, bad.ClientId, started);
        Assert.True(results.Count == 0, string.Join('\n', results));
    }

    /// <summary>Every panel's every query: parse errors always fail; no data fails unless the panel is listed above.</summary>
    private async Task<List<string>> QueryEveryPanelAsync(PrometheusServer prometheus, GrafanaMacros macros)
    {
        var failures = new List<string>();
        var dashboards = DashboardFile.All();
        Assert.Equal(["pa-app", "pa-gateway", "pa-monitor", "pa-overview"], dashboards.Select(d => d.Uid).Order(StringComparer.Ordinal));
        foreach (var panel in dashboards.SelectMany(d => d.Panels))
        {
            var key = panel.ToString();
            foreach (var query in panel.Queries)
            {
                var expression = macros.Apply(query.Expression);
                var answer = await prometheus.QueryAsync(expression);
                if (answer.GetProperty("status").GetString() != "success")
                {
                    failures.Add($"{key}: {expression} did not parse: {answer}");
                }
                else if (answer.GetProperty("data").GetProperty("result").GetArrayLength() == 0)
                {
                    var excused = NotFilledByTraffic.ContainsKey(key);
                    output.WriteLine($"{(excused ? "empty (expected)" : "EMPTY")}: {key}: {expression}");
                    if (!excused)
                    {
                        failures.Add($"{key}: {expression} returned no data");
                    }
                }
                else
                {
                    output.WriteLine($"data: {key}");
                }
            }
        }

        return failures;
    }

    /// <summary>
    /// A PNG per dashboard, every panel drawn from Prometheus' answers over the traffic's span. Written
    /// to PA_DASHBOARD_PICTURES when set (docs/images holds the committed ones), else to a temp folder deleted afterwards.
    /// </summary>
    private async Task DrawPicturesAsync(PrometheusServer prometheus, string app, DateTimeOffset started)
    {
        var chosen = Environment.GetEnvironmentVariable("PA_DASHBOARD_PICTURES");
        var pictures = string.IsNullOrEmpty(chosen)
            ? Directory.CreateTempSubdirectory("pa-dashboards-").FullName
            : Directory.CreateDirectory(chosen).FullName;
        try
        {
            await DrawPicturesIntoAsync(prometheus, app, started, pictures);
        }
        finally
        {
            if (string.IsNullOrEmpty(chosen))
            {
                Directory.Delete(pictures, recursive: true);
            }
        }
    }

    private async Task DrawPicturesIntoAsync(PrometheusServer prometheus, string app, DateTimeOffset started, string pictures)
    {
        var macros = new GrafanaMacros(app, "30s", "15m");
        var end = DateTimeOffset.UtcNow;
        foreach (var dashboard in DashboardFile.All())
        {
            var panels = new List<(DashboardPanel, IReadOnlyList<ChartSeries>)>();
            foreach (var panel in dashboard.Panels)
            {
                var series = new List<ChartSeries>();
                foreach (var query in panel.Queries)
                {
                    var answer = panel.Type == "timeseries"
                        ? await prometheus.QueryRangeAsync(macros.Apply(query.Expression), started.AddSeconds(-20), end, TimeSpan.FromSeconds(2))
                        : await prometheus.QueryAsync(macros.Apply(query.Expression));
                    series.AddRange(PanelData.Series(answer, query.Legend));
                }

                panels.Add((panel, series));
            }

            var subtitle = $"Drawn from Debian's Prometheus running deploy/prometheus against ./run.sh's processes: a well-behaved app and a misbehaving one ({app}{(dashboard.Uid == "pa-app" ? ", the app shown" : string.Empty)}), {started:yyyy-MM-dd HH:mm}-{end:HH:mm} UTC. Same queries as the Grafana dashboard {dashboard.Uid}.";
            var html = Path.Combine(pictures, $"dashboard-{dashboard.Uid}.html");
            await File.WriteAllTextAsync(html, DashboardPicture.Html(dashboard.Title, subtitle, panels), Encoding.UTF8, Ct);
            var png = Path.Combine(pictures, $"dashboard-{dashboard.Uid}.png");
            await DashboardPicture.ScreenshotAsync(html, png, panels.Count);
            File.Delete(html);
            output.WriteLine($"picture: {png} ({new FileInfo(png).Length} bytes)");
            Assert.True(new FileInfo(png).Length > 10_000, $"{png} is nearly empty");
        }
    }

    /// <summary>A wrong client secret at the token endpoint, as an attacker guessing would send it.</summary>
    private static async Task WrongClientSecretAsync(Uri authserver)
    {
        using var http = new HttpClient { BaseAddress = authserver };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/oauth2/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = "x", ["redirect_uri"] = "http://127.0.0.1:8765/callback" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("demo-confidential-app:wrong-secret")));
        using var response = await http.SendAsync(request, Ct);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static JsonElement? Find(JsonElement alerts, string name, string clientId, string? state)
    {
        foreach (var alert in alerts.EnumerateArray())
        {
            var labels = alert.GetProperty("labels");
            if (labels.GetProperty("alertname").GetString() == name
                && labels.TryGetProperty("client_id", out var client) && client.GetString() == clientId
                && (state is null || alert.GetProperty("state").GetString() == state))
            {
                return alert.Clone();
            }
        }

        return null;
    }
}
