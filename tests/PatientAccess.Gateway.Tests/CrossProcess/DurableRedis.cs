using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// A redis-server that keeps its data across a crash, as a production Redis does: the append-only
/// file with <c>appendfsync always</c>, so every write Redis acknowledged survives a SIGKILL. The
/// outage test needs it because <see cref="RedisServer"/> restarts empty, which would lose the
/// events the gateways wrote before the outage through no fault of theirs.
/// </summary>
internal sealed class DurableRedis : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pa-durable-redis-").FullName;
    private readonly OutputLog _log = new();
    private Process? _process;

    private DurableRedis(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<DurableRedis> StartAsync()
    {
        var server = new DurableRedis(FreePort.Next());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Starts (again) on the same port and folder: what was acknowledged before is loaded back.</summary>
    public async Task RestartAsync()
    {
        var executable = ExternalTool.Require("redis-server", "redis-server");
        _process = Process.Start(new ProcessStartInfo(executable,
        [
            "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _directory,
            "--appendonly", "yes", "--appendfsync", "always", "--save", string.Empty, "--daemonize", "no",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _log.Attach(_process);
        if (!await Eventually.TrueAsync(PingAsync, TimeSpan.FromSeconds(15), TimeSpan.FromMilliseconds(50)))
        {
            throw new InvalidOperationException($"redis-server on port {Port} never answered PING:\n{_log.Text}");
        }
    }

    /// <summary>SIGKILL: the abrupt end of a crash, not a clean shutdown.</summary>
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
