using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// For the member-page tests: one seeded fhir-store process, one Redis, one PostgreSQL, and
/// authorization servers pointed at the store with the operator key, on either database.
/// </summary>
public sealed class MemberServices : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("pa-member-").FullName;
    private readonly List<AuthServerHost> _hosts = [];
    private PostgresServer? _postgres;
    private RedisServer? _redis;
    private SeededStore? _store;

    internal SeededStore Store => _store!;

    internal string RedisConnectionString => _redis!.ConnectionString;

    /// <summary>A PostgreSQL database of its own, for server processes that share one (replicas).</summary>
    internal Task<string> CreateDatabaseAsync(string name) => _postgres!.CreateDatabaseAsync(name);

    public async ValueTask InitializeAsync()
    {
        var store = SeededStore.StartAsync();
        _redis = await RedisServer.StartAsync();
        _postgres = await PostgresServer.StartAsync();
        _store = await store;
    }

    /// <summary>A server of its own (own database, data folder and outbox).</summary>
    internal async Task<AuthServerHost> HostAsync(string backend = AuthBackends.Sqlite, IDictionary<string, string?>? extra = null)
    {
        var name = "m" + Guid.NewGuid().ToString("N")[..12];
        var connection = backend == AuthBackends.PostgreSql ? await _postgres!.CreateDatabaseAsync(name) : null;
        var settings = new Dictionary<string, string?>
        {
            ["Store:Url"] = Store.BaseAddress.ToString(),
            ["Store:OperatorKey"] = TestKeys.Operator,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new AuthServerHost(backend, Path.Combine(_data, name), connection, _redis!.ConnectionString, settings);
        _ = host.Services;
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }

        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_data, recursive: true);
    }
}
