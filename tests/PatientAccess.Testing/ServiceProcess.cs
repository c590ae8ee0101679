using System.Diagnostics;
using System.Globalization;

namespace PatientAccess.Testing;

/// <summary>
/// One PatientAccess service as a real process (the built dll under dotnet), on a port
/// of its own, configured through environment variables as an operator would.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputLog _log = new();

    private ServiceProcess(Process process, int port, int managementPort)
    {
        _process = process;
        Port = port;
        ManagementPort = managementPort;
        _log.Attach(process);
    }

    /// <summary>The public listener (<c>Service:Port</c>).</summary>
    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>The management listener (<c>Service:ManagementPort</c>): <c>/metrics</c> and <c>/health/*</c>.</summary>
    public int ManagementPort { get; }

    public Uri ManagementAddress => new($"http://127.0.0.1:{ManagementPort}");

    public string Output => _log.Text;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ServiceProcess Start(ServiceName service, IDictionary<string, string> settings, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        var chosen = port ?? FreePort.Next();
        var output = RepoPaths.ServiceOutput(service.Folder, service.Project);
        var dll = Path.Combine(output, service.Project + ".dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is not built; run ./test.sh (it builds the solution first)");
        }

        var info = new ProcessStartInfo("dotnet", [dll, "--contentRoot", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Service__Port"] = chosen.ToString(CultureInfo.InvariantCulture);
        var management = settings.TryGetValue("Service__ManagementPort", out var given) ? int.Parse(given, CultureInfo.InvariantCulture) : FreePort.Next();
        info.Environment["Service__ManagementPort"] = management.ToString(CultureInfo.InvariantCulture);
        // The store refuses to start without its access keys; tests that check that remove them.
        info.Environment["Access__MemberContextKeys__0"] = TestKeys.MemberContext;
        info.Environment["Access__OperatorKeyHashes__0"] = TestKeys.OperatorHash;
        info.Environment["Admin__ApiKeyHashes__0"] = TestKeys.AdminHash;
        info.Environment["Admin__RevocationFeedKeyHashes__0"] = TestKeys.RevocationFeedHash;
        info.Environment["Revocation__FeedKey"] = TestKeys.RevocationFeed;
        info.Environment["MemberContext__Keys__0"] = TestKeys.MemberContext;
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{service.Project} did not start");
        return new ServiceProcess(process, chosen, management);
    }

    /// <summary>Waits for <c>/health/ready</c> on the management port to answer 200; false if it never does or the process dies.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = ManagementAddress, Timeout = TimeSpan.FromSeconds(5) };
        return await Eventually.TrueAsync(async () => _process.HasExited || await IsReadyAsync(http), timeout)
            && !_process.HasExited;
    }

    public Task<bool> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    /// <summary>SIGKILL: no shutdown code runs, as when the kernel or an operator kills a process.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>Whether <c>/health/ready</c> answers 2xx; <paramref name="http"/> must address the management port.</summary>
    public static async Task<bool> IsReadyAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Terminate(_process.Id);
            if (!await WaitForExitAsync(TimeSpan.FromSeconds(10)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
