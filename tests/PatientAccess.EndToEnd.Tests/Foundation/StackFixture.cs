using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

/// <summary>One Redis and the four services as real processes, each in a fresh data folder.</summary>
public sealed class StackFixture : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("pa-stack-").FullName;
    private readonly Dictionary<ServiceName, ServiceProcess> _services = [];

    public RedisServer Redis { get; private set; } = null!;

    public ServiceProcess this[ServiceName name] => _services[name];

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        var store = ServiceProcess.Start(ServiceName.FhirStore, Settings());
        _services[ServiceName.FhirStore] = store;
        var authserver = ServiceProcess.Start(ServiceName.AuthServer, Settings());
        _services[ServiceName.AuthServer] = authserver;
        _services[ServiceName.Monitor] = ServiceProcess.Start(ServiceName.Monitor, Settings());
        _services[ServiceName.Gateway] = ServiceProcess.Start(ServiceName.Gateway, GatewaySettings(Settings(), store, authserver));

        foreach (var (name, service) in _services)
        {
            if (!await service.WaitReadyAsync(TimeSpan.FromSeconds(90)))
            {
                throw new InvalidOperationException($"{name} did not become ready:\n{service.Output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }

        await Redis.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }

    /// <summary>What a gateway needs to reach the store and the authserver's keys and revocation feed.</summary>
    public static Dictionary<string, string> GatewaySettings(Dictionary<string, string> settings, ServiceProcess store, ServiceProcess authserver)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(authserver);
        settings["Proxy__FhirStoreUrl"] = store.BaseAddress.ToString();
        settings["Revocation__AuthServerUrl"] = authserver.BaseAddress.ToString();
        settings["Tokens__JwksUrl"] = new Uri(authserver.BaseAddress, "/.well-known/jwks.json").ToString();
        return settings;
    }

    private Dictionary<string, string> Settings() => new()
    {
        ["Service__DataDirectory"] = _data,
        ["Redis__ConnectionString"] = Redis.ConnectionString,
    };
}
