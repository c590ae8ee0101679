using System.Net.Http.Headers;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Monitor.Tests.CrossProcess;

/// <summary>
/// The audit trail across real processes: redis-server (durable, as run.sh runs it), a fhir-store,
/// the authserver (revocation feed, authorization events), a gateway whose tokens are signed by
/// <see cref="TokenIssuer"/> (the authserver's SMART flow is not what is under test), and the
/// monitor on SQLite. The monitor can be SIGKILLed and started again on the same data.
/// </summary>
public sealed class AuditServices : IAsyncLifetime
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(180);
    private readonly string _data = Directory.CreateTempSubdirectory("pa-audit-stack-").FullName;
    private ServiceProcess? _store;
    private ServiceProcess? _gateway;

    internal TokenIssuer Tokens { get; private set; } = null!;

    internal RedisServer Redis { get; private set; } = null!;

    internal ServiceProcess AuthServer { get; private set; } = null!;

    internal ServiceProcess Monitor { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public string AuthData => Path.Combine(_data, "authserver");

    public string Output => $"--- gateway ---\n{_gateway?.Output}\n--- monitor ---\n{Monitor?.Output}";

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync(durable: true);
        Tokens = await TokenIssuer.StartAsync();
        _store = ServiceProcess.Start(ServiceName.FhirStore, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "store")).FullName,
        });
        AuthServer = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(AuthData).FullName,
            ["Redis__ConnectionString"] = Redis.ConnectionString,
        });
        await StartMonitorAsync();
        await ReadyAsync(_store, "store");
        await ReadyAsync(AuthServer, "authserver");
        _gateway = ServiceProcess.Start(ServiceName.Gateway, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "gateway")).FullName,
            ["Redis__ConnectionString"] = Redis.ConnectionString,
            ["Proxy__FhirStoreUrl"] = _store.BaseAddress.ToString(),
            ["Tokens__Issuer"] = TokenIssuer.Issuer,
            ["Tokens__Audience"] = TokenIssuer.Audience,
            ["Tokens__JwksUrl"] = Tokens.JwksUrl,
            ["Revocation__AuthServerUrl"] = AuthServer.BaseAddress.ToString(),
            ["RateLimiting__UseClientRegistry"] = "false",
            ["RateLimiting__Client__Burst"] = "100000",
            ["RateLimiting__Client__PerSecond"] = "100000",
            ["RateLimiting__Token__Burst"] = "100000",
            ["RateLimiting__Token__PerSecond"] = "100000",
            ["RateLimiting__Address__Burst"] = "100000",
            ["RateLimiting__Address__PerSecond"] = "100000",
            ["Audit__Replica"] = "gateway-under-test",
        });
        await ReadyAsync(_gateway, "gateway");
        Gateway = new HttpClient { BaseAddress = _gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>(Re)starts the monitor on the same database; a new process is a new consumer in the group.</summary>
    internal async Task StartMonitorAsync()
    {
        Monitor = ServiceProcess.Start(ServiceName.Monitor, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "monitor")).FullName,
            ["Redis__ConnectionString"] = Redis.ConnectionString,
            ["Staff__KeyHashes__0"] = StaffKey.Hash,
            ["Audit__ClaimIdleSeconds"] = "2",
        });
        await ReadyAsync(Monitor, "monitor");
    }

    internal HttpClient MonitorClient()
    {
        var client = new HttpClient { BaseAddress = Monitor.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey.Value);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        foreach (var process in new[] { _gateway, Monitor, AuthServer, _store })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (Tokens is not null)
        {
            await Tokens.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
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

    private static async Task ReadyAsync(ServiceProcess process, string name)
    {
        if (!await process.WaitReadyAsync(StartupTimeout))
        {
            throw new InvalidOperationException($"the {name} did not become ready:\n{process.Output}");
        }
    }
}
