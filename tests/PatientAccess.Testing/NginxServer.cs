using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace PatientAccess.Testing;

/// <summary>
/// Debian's nginx on a loopback port, running the repository's <c>deploy/nginx/gateway.conf</c>
/// with exactly two substitutions, so the test exercises the file the compose deployment ships:
/// <c>listen 5000;</c> becomes <c>listen 127.0.0.1:PORT;</c>, and the upstream line
/// <c>server gateway:5000;</c> becomes one <c>server 127.0.0.1:P;</c> per gateway replica.
/// Everything else (locations, headers, the 404 for what is not the FHIR base) is as shipped.
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    public const string ListenLine = "listen 5000;";
    public const string UpstreamLine = "server gateway:5000;";

    private readonly Process _process;
    private readonly string _directory;
    private readonly OutputLog _log = new();

    private NginxServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
        _log.Attach(process);
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output => _log.Text + "\n" + ReadQuietly(Path.Combine(_directory, "error.log"));

    /// <summary>The shipped config with the documented substitutions applied; throws when the file no longer has the lines to replace.</summary>
    public static string AdaptConfig(string shipped, int port, IEnumerable<int> upstreamPorts)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        ArgumentNullException.ThrowIfNull(upstreamPorts);
        if (!shipped.Contains(ListenLine, StringComparison.Ordinal) || !shipped.Contains(UpstreamLine, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"deploy/nginx/gateway.conf no longer has '{ListenLine}' and '{UpstreamLine}'; update NginxServer's substitution with it");
        }

        var servers = string.Join("\n    ", upstreamPorts.Select(p => $"server 127.0.0.1:{p.ToString(CultureInfo.InvariantCulture)};"));
        return shipped
            .Replace(ListenLine, $"listen 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)};", StringComparison.Ordinal)
            .Replace(UpstreamLine, servers, StringComparison.Ordinal);
    }

    public static async Task<NginxServer> StartAsync(IEnumerable<int> upstreamPorts)
    {
        var nginx = ExternalTool.Find("nginx") ?? (File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : ExternalTool.Require("nginx", "nginx"));
        var directory = Directory.CreateTempSubdirectory("pa-nginx-").FullName;
        var port = FreePort.Next();
        var shipped = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "nginx", "gateway.conf"));
        await File.WriteAllTextAsync(Path.Combine(directory, "gateway.conf"), AdaptConfig(shipped, port, upstreamPorts));
        // As root, nginx would hand its workers to 'nobody', who cannot use this private folder.
        var user = Environment.UserName == "root" ? "user root;" : string.Empty;
        await File.WriteAllTextAsync(Path.Combine(directory, "nginx.conf"), $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                include {{directory}}/gateway.conf;
            }
            """);
        var info = new ProcessStartInfo(nginx, ["-e", Path.Combine(directory, "error.log"), "-p", directory, "-c", Path.Combine(directory, "nginx.conf")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("nginx did not start");
        var server = new NginxServer(process, directory, port);
        if (!await Eventually.TrueAsync(() => Task.FromResult(process.HasExited || IsListening(port)), TimeSpan.FromSeconds(30)) || process.HasExited)
        {
            var output = server.Output;
            await server.DisposeAsync();
            throw new InvalidOperationException($"nginx did not start listening on {port}:\n{output}");
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Terminate(_process.Id);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string ReadQuietly(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
