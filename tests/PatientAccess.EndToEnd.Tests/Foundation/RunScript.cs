using System.Diagnostics;
using System.Globalization;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

/// <summary>./run.sh as a person starts it, in a session of its own so that everything it starts can be found.</summary>
internal sealed class RunScript : IAsyncDisposable
{
    private readonly Process _process;
    private readonly OutputLog _log = new();

    public RunScript(string dataDirectory, Action<IReadOnlyDictionary<string, int>>? beforeStart = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        DataDirectory = dataDirectory;
        Ports = new Dictionary<string, int>
        {
            ["PA_GATEWAY_PORT"] = FreePort.Next(),
            ["PA_AUTHSERVER_PORT"] = FreePort.Next(),
            ["PA_FHIRSTORE_PORT"] = FreePort.Next(),
            ["PA_MONITOR_PORT"] = FreePort.Next(),
            ["PA_GATEWAY_MANAGEMENT_PORT"] = FreePort.Next(),
            ["PA_AUTHSERVER_MANAGEMENT_PORT"] = FreePort.Next(),
            ["PA_FHIRSTORE_MANAGEMENT_PORT"] = FreePort.Next(),
            ["PA_MONITOR_MANAGEMENT_PORT"] = FreePort.Next(),
            ["PA_REDIS_PORT"] = FreePort.Next(),
        };
        beforeStart?.Invoke(Ports);
        var info = new ProcessStartInfo("setsid", ["bash", Path.Combine(RepoPaths.Root, "run.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        info.Environment["PA_DATA_DIR"] = dataDirectory;
        info.Environment["PA_SEED_MEMBERS"] = "10";
        // Service settings the script passes through to every service it starts (an operator's environment).
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }
        foreach (var (name, port) in Ports)
        {
            info.Environment[name] = port.ToString(CultureInfo.InvariantCulture);
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("run.sh did not start");
        _log.Attach(_process);
        SessionId = _process.Id;
        // setsid makes the script a session leader an instant after it starts; until then
        // its session is the test runner's, which must never be mistaken for the stack's.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (ProcessTable.SessionOf(_process.Id) != _process.Id && !_process.HasExited)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("run.sh did not become a session leader");
            }

            Thread.Sleep(10);
        }
    }

    public string DataDirectory { get; }

    public IReadOnlyDictionary<string, int> Ports { get; }

    public int SessionId { get; }

    public int Pid => _process.Id;

    public string Output => _log.Text;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public async Task<bool> WaitForOutputAsync(string text, TimeSpan timeout) =>
        await Eventually.TrueAsync(
            () => Task.FromResult(Output.Contains(text, StringComparison.Ordinal) || _process.HasExited),
            timeout,
            TimeSpan.FromMilliseconds(500))
        && Output.Contains(text, StringComparison.Ordinal);

    public Task<bool> WaitForExitAsync(TimeSpan timeout) => _process.WaitForExitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        // Whatever a failed test left running goes, so one failure cannot break the next run.
        var ownSession = ProcessTable.SessionOf(Environment.ProcessId);
        foreach (var pid in ProcessTable.InSession(SessionId).Where(_ => SessionId != ownSession))
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (ArgumentException)
            {
            }
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
