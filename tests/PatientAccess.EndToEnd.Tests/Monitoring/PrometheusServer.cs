using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Monitoring;

/// <summary>
/// Debian's real Prometheus (/usr/bin/prometheus) on a loopback port, with a configuration of the
/// test's choosing and a data folder of its own, queried through its HTTP API as Grafana does.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputLog _log = new();
    private readonly string _folder;

    private PrometheusServer(Process process, int port, string folder)
    {
        _process = process;
        _folder = folder;
        _log.Attach(process);
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Http { get; }

    public string Output => _log.Text;

    /// <summary>Starts Prometheus on <paramref name="configFile"/>; <paramref name="folder"/> holds its data and is deleted with it.</summary>
    public static async Task<PrometheusServer> StartAsync(string configFile, string folder)
    {
        var binary = ExternalTool.Require("prometheus", "prometheus");
        var port = FreePort.Next();
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"--config.file={configFile}",
            $"--storage.tsdb.path={Path.Combine(folder, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--storage.tsdb.retention.time=1d",
        })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("prometheus did not start");
        var server = new PrometheusServer(process, port, folder);
        var ready = await Eventually.TrueAsync(async () =>
        {
            if (process.HasExited)
            {
                return true;
            }

            try
            {
                using var response = await server.Http.GetAsync(new Uri("/-/ready", UriKind.Relative));
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60));
        if (!ready || process.HasExited)
        {
            throw new InvalidOperationException($"prometheus did not become ready:\n{server.Output}");
        }

        return server;
    }

    /// <summary>GET /api/v1/query: the whole answer (status, data or errorType/error), whatever the status code.</summary>
    public async Task<JsonElement> QueryAsync(string expression)
    {
        using var response = await Http.GetAsync(new Uri($"/api/v1/query?query={Uri.EscapeDataString(expression)}", UriKind.Relative));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>GET /api/v1/query_range from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public async Task<JsonElement> QueryRangeAsync(string expression, DateTimeOffset start, DateTimeOffset end, TimeSpan step)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"/api/v1/query_range?query={Uri.EscapeDataString(expression)}&start={start.ToUnixTimeSeconds()}&end={end.ToUnixTimeSeconds()}&step={step.TotalSeconds}");
        using var response = await Http.GetAsync(new Uri(query, UriKind.Relative));
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>GET /api/v1/alerts: the alerts pending or firing now.</summary>
    public async Task<JsonElement> AlertsAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/v1/alerts", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("alerts");
    }

    /// <summary>GET /api/v1/targets: each scrape target's health.</summary>
    public async Task<JsonElement> TargetsAsync()
    {
        using var response = await Http.GetAsync(new Uri("/api/v1/targets", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("activeTargets");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            Signals.Terminate(_process.Id);
            if (!await _process.WaitForExitAsync(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
