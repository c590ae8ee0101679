using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration;

/// <summary>
/// One real Redis and one real PostgreSQL for the run, and one server per backend: every
/// integration test that takes a backend runs on SQLite and on PostgreSQL.
/// </summary>
public sealed class AuthBackends : IAsyncLifetime
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private readonly string _data = Directory.CreateTempSubdirectory("pa-auth-").FullName;
    private readonly Dictionary<string, AuthServerHost> _hosts = [];
    private readonly List<AuthServerHost> _fresh = [];
    private PostgresServer? _postgres;

    public static TheoryData<string> Names => [Sqlite, PostgreSql];

    internal AuthServerHost this[string backend] => _hosts[backend];

    internal RedisServer Redis { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        _postgres = await PostgresServer.StartAsync();
        _hosts[Sqlite] = await FreshAsync(Sqlite);
        _hosts[PostgreSql] = await FreshAsync(PostgreSql);
    }

    /// <summary>A server with a database and data folder of its own (for tests that move the clock or restart).</summary>
    internal async Task<AuthServerHost> FreshAsync(string backend, IDictionary<string, string?>? extra = null, string? dataDirectory = null, string? connectionString = null, string? redis = null)
    {
        var name = "a" + Guid.NewGuid().ToString("N")[..12];
        var folder = dataDirectory ?? Path.Combine(_data, name);
        var connection = backend == PostgreSql ? connectionString ?? await _postgres!.CreateDatabaseAsync(name) : null;
        var host = new AuthServerHost(backend, folder, connection, redis ?? Redis.ConnectionString, extra);
        _ = host.Services;
        _fresh.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _fresh)
        {
            await host.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        await Redis.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
