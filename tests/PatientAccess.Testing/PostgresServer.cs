using System.Globalization;

namespace PatientAccess.Testing;

/// <summary>
/// A real PostgreSQL 15 cluster made for this test run in a temporary folder, on a
/// loopback port of its own; stopped and deleted on dispose. As root, initdb and the
/// server run as the <c>postgres</c> user, because initdb refuses to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string User = "patientaccess";
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderDescending().FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException("PostgreSQL is not installed; install the Debian package 'postgresql' (.ci/run does).");
        }

        var folder = Path.Combine(Path.GetTempPath(), "pa-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var server = new PostgresServer(folder, bin, FreePort.Next());
        await server.RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        await server.RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-A", "trust", "-U", User, "--no-sync"]);
        await server.RunAsync(Path.Combine(bin, "pg_ctl"),
        [
            "-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w", "-t", "60",
            "-o", $"-p {server.Port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            "start",
        ]);
        return server;
    }

    /// <summary>A connection string for a new, empty database of that name.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await RunAsync(Path.Combine(_bin, "createdb"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", User, name]);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username={User};Database={database};Pooling=true";

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task RunAsync(string tool, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var root = Environment.UserName == "root";
        var (file, args) = root && asPostgres
            ? ("runuser", new[] { "-u", "postgres", "--", tool }.Concat(arguments).ToArray())
            : (tool, arguments.ToArray());
        if (!root && file == "chown")
        {
            return;
        }

        var (exitCode, output) = await ExternalTool.RunAsync(file, args, timeout: TimeSpan.FromSeconds(90));
        if (exitCode != 0)
        {
            var log = Path.Combine(_folder, "log");
            throw new InvalidOperationException($"{Path.GetFileName(tool)} failed ({exitCode}): {output}\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty)}");
        }
    }
}
