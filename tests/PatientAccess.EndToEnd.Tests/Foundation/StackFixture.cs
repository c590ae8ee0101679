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
        foreach (var name in new[] { ServiceName.AuthServer, ServiceName.Monitor, ServiceName.Gateway })
        {
            var settings = Settings();
            settings["Proxy__FhirStoreUrl"] = store.BaseAddress.ToString();
            _services[name] = ServiceProcess.Start(name, settings);
        }

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

    private Dictionary<string, string> Settings() => new()
    {
        ["Service__DataDirectory"] = _data,
        ["Redis__ConnectionString"] = Redis.ConnectionString,
    };
}
