using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>
/// A real redis-server and a real PostgreSQL cluster for the whole class; every test gets a stream
/// of its own and a database of its own (a SQLite file, or a new PostgreSQL database).
/// </summary>
public sealed class MonitorBackends : IAsyncLifetime
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private readonly string _data = Directory.CreateTempSubdirectory("pa-monitor-").FullName;
    private PostgresServer? _postgres;
    private ConnectionMultiplexer? _client;

    public static TheoryData<string> Names => [Sqlite, PostgreSql];

    internal RedisServer Redis { get; private set; } = null!;

    internal IDatabase RedisDatabase => (_client ??= ConnectionMultiplexer.Connect(Redis.ConnectionString + ",abortConnect=false")).GetDatabase();

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync(durable: true);
        _postgres = await PostgresServer.StartAsync();
    }

    /// <summary>Settings for a monitor with a new stream and database: the same ones make a restarted monitor.</summary>
    internal async Task<Dictionary<string, string?>> NewSettingsAsync(string backend)
    {
        var name = "m" + Guid.NewGuid().ToString("N")[..12];
        var folder = Path.Combine(_data, name);
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Service:DataDirectory"] = folder,
            ["Service:ManagementPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Redis:ConnectionString"] = Redis.ConnectionString,
            ["Redis:TimeoutMilliseconds"] = "1000",
            ["Audit:StreamKey"] = "audit-" + name,
            ["Audit:PollMilliseconds"] = "20",
            ["Audit:LagIntervalMilliseconds"] = "100",
            ["Staff:KeyHashes:0"] = StaffKey.Hash,
            ["Database:Provider"] = backend,
        };
        if (backend == PostgreSql)
        {
            settings["Database:ConnectionString"] = await _postgres!.CreateDatabaseAsync(name);
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await Redis.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
