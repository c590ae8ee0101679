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

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _log.Attach(process);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

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
        // The store refuses to start without its access keys; tests that check that remove them.
        info.Environment["Access__MemberContextKeys__0"] = TestKeys.MemberContext;
        info.Environment["Access__OperatorKeyHashes__0"] = TestKeys.OperatorHash;
        info.Environment["Admin__ApiKeyHashes__0"] = TestKeys.AdminHash;
        info.Environment["Revocation__AdminApiKey"] = TestKeys.Admin;
        info.Environment["MemberContext__Keys__0"] = TestKeys.MemberContext;
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{service.Project} did not start");
        return new ServiceProcess(process, chosen);
    }

    /// <summary>Waits for <c>/health/ready</c> to answer 200; false if it never does or the process dies.</summary>
    public async Task<bool> WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        return await Eventually.TrueAsync(async () => _process.HasExited || await IsReadyAsync(http), timeout)
            && !_process.HasExited;
    }

    public Task<bool> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

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
