using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace PatientAccess.Testing;

/// <summary>
/// A real redis-server on a loopback port of its own, stoppable (SIGKILL, like a crash) and
/// restartable mid-test. By default it restarts empty; a durable one keeps an append-only file
/// with <c>appendfsync always</c>, so everything it acknowledged survives the kill, as a
/// production Redis does (outage tests need that to blame lost data on the right party).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly OutputLog _log = new();
    private readonly string? _directory;
    private Process? _process;

    private RedisServer(int port, bool durable)
    {
        Port = port;
        _directory = durable ? Directory.CreateTempSubdirectory("pa-redis-").FullName : null;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(bool durable = false)
    {
        var server = new RedisServer(FreePort.Next(), durable);
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts (again) on the same port; a durable server loads back what it had acknowledged.</summary>
    public async Task RestartAsync()
    {
        var executable = ExternalTool.Require("redis-server", "redis-server");
        string[] persistence = _directory is null
            ? ["--appendonly", "no"]
            : ["--dir", _directory, "--appendonly", "yes", "--appendfsync", "always"];
        _process = Process.Start(new ProcessStartInfo(executable,
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", string.Empty, .. persistence, "--daemonize", "no",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _log.Attach(_process);
        if (!await Eventually.TrueAsync(PingAsync, TimeSpan.FromSeconds(15)))
        {
            throw new InvalidOperationException($"redis-server on port {Port} never answered PING:\n{_log.Text}");
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

    /// <summary>Freezes the server (SIGSTOP): its connections stay open and nothing answers, like a hung Redis.</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>Lets a paused server run again (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        if (_process is not { HasExited: false } process)
        {
            throw new InvalidOperationException("redis-server is not running");
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start");
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill {signal} {process.Id} exited with {kill.ExitCode}");
        }
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", Port, cts.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cts.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cts.Token);
            // A server still loading its append-only file answers -LOADING, not +PONG: not ready yet.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_directory is not null)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temp folder left behind is harmless.
            }
        }
    }
}
