using System.Diagnostics;
using System.Globalization;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Mail;

/// <summary>
/// relay.js (Nodemailer's smtp-server) as a real process on a loopback port of its own: requires
/// AUTH with <see cref="UserName"/>/<see cref="Password"/>, keeps every accepted message raw in a
/// folder, and can be stopped (SIGKILL, like a crash) and started again on the same port, either
/// accepting or refusing every message.
/// </summary>
internal sealed class SmtpRelay : IAsyncDisposable
{
    public const string UserName = "relay-user";
    private readonly string _folder = Directory.CreateTempSubdirectory("pa-relay-").FullName;
    private readonly HashSet<string> _taken = [];
    private OutputLog _log = new();
    private Process? _process;

    private SmtpRelay(int port) => Port = port;

    public int Port { get; }

    /// <summary>Unique per relay, so a test can look for it in logs.</summary>
    public string Password { get; } = "relay-pw-" + Guid.NewGuid().ToString("N");

    public string Output => _log.Text;

    /// <summary>Server settings that send through this relay in the clear with its credentials.</summary>
    public IDictionary<string, string?> Settings(string from) => new Dictionary<string, string?>
    {
        ["Mail:From"] = from,
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpUseTls"] = "false",
        ["Mail:SmtpUserName"] = UserName,
        ["Mail:SmtpPassword"] = Password,
        ["Mail:SmtpTimeoutSeconds"] = "5",
    };

    /// <summary>A relay for <paramref name="port"/> (default: a free one), running unless <paramref name="start"/> is false.</summary>
    public static async Task<SmtpRelay> StartAsync(int? port = null, bool start = true, bool refuseMessages = false)
    {
        var relay = new SmtpRelay(port ?? FreePort.Next());
        if (start)
        {
            await relay.RestartAsync(refuseMessages);
        }

        return relay;
    }

    public async Task RestartAsync(bool refuseMessages = false)
    {
        await StopAsync();
        var script = await RelayPackage.ScriptPathAsync();
        var node = ExternalTool.Require("node", "nodejs");
        var info = new ProcessStartInfo(node, [script, "--port", Port.ToString(CultureInfo.InvariantCulture), "--user", UserName, "--out", _folder])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RelayPackage.Folder,
        };
        info.Environment["RELAY_PASSWORD"] = Password;
        if (refuseMessages)
        {
            info.ArgumentList.Add("--refuse-messages");
        }

        _log = new OutputLog();
        _process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        _log.Attach(_process);
        var listening = await Eventually.TrueAsync(
            () => Task.FromResult(_process.HasExited || _log.Text.Contains("listening on", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(50));
        if (!listening || _process.HasExited)
        {
            throw new InvalidOperationException($"the SMTP relay did not start on port {Port}:\n{_log.Text}");
        }
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message the relay accepted, oldest first.</summary>
    public IReadOnlyList<RelayMessage> Messages() =>
        [.. Directory.GetFiles(_folder, "*.eml").Order(StringComparer.Ordinal).Select(RelayMessage.Read)];

    /// <summary>The next message to <paramref name="to"/> not returned before; fails after 15 seconds.</summary>
    public async Task<RelayMessage> NextAsync(string to)
    {
        RelayMessage? found = null;
        var arrived = await Eventually.TrueAsync(() =>
        {
            found = Messages().FirstOrDefault(m => !_taken.Contains(m.Name) && m.EnvelopeTo.Contains(to, StringComparer.OrdinalIgnoreCase));
            return Task.FromResult(found is not null);
        }, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50));
        Assert.True(arrived, $"no message to {to} reached the relay; relay output:\n{Output}");
        _taken.Add(found!.Name);
        return found;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
