using System.Net.Http.Headers;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// A gateway process in front of a real fhir-store process (SQLite), with one redis-server and
/// <see cref="FakeBackend"/> as the authserver (signing keys, revocation feed). The store is loaded
/// with <see cref="Data"/> by its operator, as an operator would; apps reach it only through the
/// gateway, with tokens from <see cref="Tokens"/>.
/// </summary>
public sealed class GatewayAndStore : IAsyncLifetime
{
    /// <summary>The store's Fhir:PublicBaseUrl: every absolute URL an app receives must start with it.</summary>
    public const string PublicBase = "https://fhir.plan.example/r4";

    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Alice's record (claims, clinical, coverage; a condition labelled in lower case without a
    /// system), Dana named as performer on Eve's observation, and obs-moved: Dana's in version 1,
    /// Eve's in version 2.
    /// </summary>
    public static readonly string Data = string.Join('\n',
        """{"resourceType":"Organization","id":"payer","name":"Demo Health Plan"}""",
        """{"resourceType":"Practitioner","id":"dr-lee","name":[{"family":"Lee"}]}""",
        """{"resourceType":"Patient","id":"alice","name":[{"family":"Allen"}],"birthDate":"1950-10-19"}""",
        """{"resourceType":"Patient","id":"dana","name":[{"family":"Dana"}]}""",
        """{"resourceType":"Patient","id":"eve","name":[{"family":"Eve"}]}""",
        """{"resourceType":"Coverage","id":"cov-alice","status":"active","beneficiary":{"reference":"Patient/alice"},"payor":[{"reference":"Organization/payer"}]}""",
        """{"resourceType":"ExplanationOfBenefit","id":"eob-alice-1","status":"active","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"professional"}]},"use":"claim","patient":{"reference":"Patient/alice"},"created":"2024-01-15","insurer":{"reference":"Organization/payer"},"provider":{"reference":"Practitioner/dr-lee"},"outcome":"complete","insurance":[{"focal":true,"coverage":{"reference":"Coverage/cov-alice"}}]}""",
        """{"resourceType":"ExplanationOfBenefit","id":"eob-alice-2","status":"active","type":{"coding":[{"system":"http://terminology.hl7.org/CodeSystem/claim-type","code":"pharmacy"}]},"use":"claim","patient":{"reference":"Patient/alice"},"created":"2024-03-20","insurer":{"reference":"Organization/payer"},"provider":{"reference":"Organization/payer"},"outcome":"complete","insurance":[{"focal":true,"coverage":{"reference":"Coverage/cov-alice"}}]}""",
        """{"resourceType":"Condition","id":"cond-alice-htn","subject":{"reference":"Patient/alice"},"code":{"text":"hypertension"}}""",
        """{"resourceType":"Condition","id":"cond-alice-psy","meta":{"security":[{"code":"psy"}]},"subject":{"reference":"Patient/alice"},"code":{"text":"depression"}}""",
        """{"resourceType":"Observation","id":"obs-alice-hr","status":"final","code":{"text":"heart rate"},"subject":{"reference":"Patient/alice"}}""",
        """{"resourceType":"Observation","id":"obs-eve","status":"final","code":{"text":"weight"},"subject":{"reference":"Patient/eve"},"performer":[{"reference":"Patient/dana"}]}""");

    /// <summary>obs-moved, version 1 (Dana's) and version 2 (corrected to Eve's).</summary>
    public static readonly string[] MovedVersions =
    [
        """{"resourceType":"Observation","id":"obs-moved","status":"final","code":{"text":"misfiled"},"subject":{"reference":"Patient/dana"}}""",
        """{"resourceType":"Observation","id":"obs-moved","status":"final","code":{"text":"misfiled"},"subject":{"reference":"Patient/eve"}}""",
    ];

    private readonly string _data = Directory.CreateTempSubdirectory("pa-gateway-and-store-").FullName;
    private RedisServer? _redis;
    private FakeBackend? _backend;
    private ServiceProcess? _store;
    private ServiceProcess? _gateway;

    internal TestTokens Tokens { get; } = new();

    public HttpClient Gateway { get; private set; } = null!;

    public string Output => $"--- store ---\n{_store?.Output}\n--- gateway ---\n{_gateway?.Output}";

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _backend = await FakeBackend.StartAsync(Tokens);
        _store = ServiceProcess.Start(ServiceName.FhirStore, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "store")).FullName,
            ["Fhir__PublicBaseUrl"] = PublicBase,
        });
        if (!await _store.WaitReadyAsync(StartupTimeout))
        {
            throw new InvalidOperationException($"the store did not become ready:\n{_store.Output}");
        }

        using (var store = new HttpClient { BaseAddress = _store.BaseAddress, Timeout = TimeSpan.FromSeconds(60) })
        {
            foreach (var ndjson in new[] { Data, MovedVersions[0], MovedVersions[1] })
            {
                using var import = new HttpRequestMessage(HttpMethod.Post, "/r4/$import") { Content = new StringContent(ndjson) };
                import.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Operator);
                using var response = await store.SendAsync(import);
                var report = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !report.Contains(", 0 rejected", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"import failed: {(int)response.StatusCode} {report}");
                }
            }
        }

        _gateway = ServiceProcess.Start(ServiceName.Gateway, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = Directory.CreateDirectory(Path.Combine(_data, "gateway")).FullName,
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Proxy__FhirStoreUrl"] = _store.BaseAddress.ToString(),
            ["Tokens__Issuer"] = TestTokens.Issuer,
            ["Tokens__Audience"] = TestTokens.Audience,
            ["Tokens__JwksUrl"] = _backend.Url + "/.well-known/jwks.json",
            ["Revocation__AuthServerUrl"] = _backend.Url,
            ["Revocation__FeedKey"] = FakeBackend.FeedKey,
            ["RateLimiting__UseClientRegistry"] = "false",
            ["RateLimiting__Client__Burst"] = "100000",
            ["RateLimiting__Client__PerSecond"] = "100000",
            ["RateLimiting__Token__Burst"] = "100000",
            ["RateLimiting__Token__PerSecond"] = "100000",
        });
        if (!await _gateway.WaitReadyAsync(StartupTimeout))
        {
            throw new InvalidOperationException($"the gateway did not become ready:\n{_gateway.Output}");
        }

        Gateway = new HttpClient { BaseAddress = _gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>A token for <paramref name="patient"/> with <paramref name="scope"/> (and the default consent: MH).</summary>
    public string Token(string patient, string scope) => Tokens.Create(TestTokens.Claims(patient: patient, scope: scope));

    public static HttpRequestMessage Get(string target, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, target);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        foreach (var process in new[] { _gateway, _store })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Tokens.Dispose();
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
