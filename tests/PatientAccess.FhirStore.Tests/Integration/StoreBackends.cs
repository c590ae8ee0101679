using PatientAccess.Testing;

namespace PatientAccess.FhirStore.Tests.Integration;

/// <summary>
/// One store per backend for the whole run, each loaded with the fixture members once:
/// every store test runs against SQLite and against a real PostgreSQL.
/// </summary>
public sealed class StoreBackends : IAsyncLifetime
{
    public const string Sqlite = "Sqlite";
    public const string PostgreSql = "PostgreSql";

    private readonly string _data = Directory.CreateTempSubdirectory("pa-store-").FullName;
    private readonly Dictionary<string, StoreHost> _hosts = [];
    private PostgresServer? _postgres;

    public static TheoryData<string> Names => [Sqlite, PostgreSql];

    public StoreHost this[string backend] => _hosts[backend];

    public PostgresServer Postgres => _postgres!;

    public async ValueTask InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _hosts[Sqlite] = new StoreHost(Sqlite, Path.Combine(_data, "sqlite"), null);
        _hosts[PostgreSql] = new StoreHost(PostgreSql, Path.Combine(_data, "pg"), await _postgres.CreateDatabaseAsync("fhirstore"));
        var members = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "members.ndjson"));
        foreach (var host in _hosts.Values)
        {
            await host.ImportAsync(members);
        }
    }

    /// <summary>An empty store of its own, for tests that write.</summary>
    public async Task<StoreHost> FreshAsync(string backend, IDictionary<string, string?>? settings = null)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..12];
        return backend == PostgreSql
            ? new StoreHost(PostgreSql, Path.Combine(_data, name), await Postgres.CreateDatabaseAsync(name), settings)
            : new StoreHost(Sqlite, Path.Combine(_data, name), null, settings);
    }

    /// <summary>A store of its own on the same database as <paramref name="host"/> (a restart, possibly with other settings).</summary>
    public static StoreHost Restart(StoreHost host, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new StoreHost(host.Backend, host.DataDirectory, host.ConnectionString, settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
