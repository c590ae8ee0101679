using System.Globalization;
using System.Net.Http.Headers;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// Gateway replicas as real processes, configured through environment variables as an operator
/// would: one Redis for all, <see cref="FakeBackend"/> as the fhir-store and the key set, each
/// replica with a data folder and audit spool of its own. Each has an <see cref="HttpClient"/>.
/// </summary>
internal sealed class GatewayReplicas : IAsyncDisposable
{
    /// <summary>First start compiles and loads everything; a busy 2-core CI machine needs the slack.</summary>
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    private readonly string _data = Directory.CreateTempSubdirectory("pa-gateway-replicas-").FullName;
    private readonly List<ServiceProcess> _processes = [];
    private readonly List<HttpClient> _clients = [];
    private readonly List<HttpClient> _managementClients = [];

    private GatewayReplicas()
    {
    }

    public IReadOnlyList<ServiceProcess> Processes => _processes;

    public IReadOnlyList<HttpClient> Clients => _clients;

    /// <summary>Each replica's management listener: <c>/metrics</c> and <c>/health/*</c>.</summary>
    public IReadOnlyList<HttpClient> ManagementClients => _managementClients;

    public int Count => _processes.Count;

    /// <summary>
    /// Starts <paramref name="count"/> replicas and waits until each is ready (Redis reachable, store
    /// live, revocation feed read). <paramref name="authServerUrl"/> and <paramref name="feedKey"/>
    /// name the revocation feed; <paramref name="settings"/> adds or overrides anything else.
    /// </summary>
    public static async Task<GatewayReplicas> StartAsync(
        int count, string redis, FakeBackend backend, string authServerUrl, string feedKey, IDictionary<string, string>? settings = null)
    {
        var replicas = new GatewayReplicas();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var data = Directory.CreateDirectory(Path.Combine(replicas._data, "replica-" + i.ToString(CultureInfo.InvariantCulture))).FullName;
                var environment = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["Service__DataDirectory"] = data,
                    ["Redis__ConnectionString"] = redis,
                    ["Proxy__FhirStoreUrl"] = backend.Url,
                    ["Tokens__Issuer"] = TestTokens.Issuer,
                    ["Tokens__Audience"] = TestTokens.Audience,
                    ["Tokens__JwksUrl"] = backend.Url + "/.well-known/jwks.json",
                    ["Revocation__AuthServerUrl"] = authServerUrl,
                    ["Revocation__FeedKey"] = feedKey,
                    ["RateLimiting__UseClientRegistry"] = "false",
                    ["Audit__SpoolFile"] = $"gateway-{i.ToString(CultureInfo.InvariantCulture)}-audit.spool",
                };
                foreach (var (key, value) in settings ?? new Dictionary<string, string>())
                {
                    environment[key] = value;
                }

                var process = ServiceProcess.Start(ServiceName.Gateway, environment);
                replicas._processes.Add(process);
                replicas._clients.Add(new HttpClient { BaseAddress = process.BaseAddress, Timeout = TimeSpan.FromSeconds(30) });
                replicas._managementClients.Add(new HttpClient { BaseAddress = process.ManagementAddress, Timeout = TimeSpan.FromSeconds(30) });
            }

            foreach (var process in replicas._processes)
            {
                if (!await process.WaitReadyAsync(StartupTimeout))
                {
                    throw new InvalidOperationException($"gateway on port {process.Port} did not become ready:\n{process.Output}");
                }
            }

            return replicas;
        }
        catch
        {
            await replicas.DisposeAsync();
            throw;
        }
    }

    /// <summary>A read of the token's own patient: allowed by every policy, answered by the fake store.</summary>
    public static HttpRequestMessage ReadOwnPatient(string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/r4/Patient/" + TestTokens.PatientId, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>Every replica's output, for a failing assertion's message.</summary>
    public string Output() => string.Join("\n\n", _processes.Select((p, i) => $"--- replica {i} (port {p.Port}) ---\n{p.Output}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Concat(_managementClients))
        {
            client.Dispose();
        }

        // SIGTERM: each replica flushes its audit queue on the way out.
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
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
