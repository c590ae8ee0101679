using System.Net.Http.Headers;
using PatientAccess.EndToEnd.Tests.Foundation;

namespace PatientAccess.EndToEnd.Tests.Enforcement;

/// <summary>
/// One ./run.sh stack (redis-server, fhir-store, authserver, gateway, monitor as real processes,
/// wired and keyed as an operator runs them) for every detector test: the settings below make the
/// detectors' windows short and thresholds low, through the environment run.sh passes on
/// (<see cref="Settings"/>). The test stands for a proxy on loopback, so each request may say
/// where its user is (X-Forwarded-For), which is how foreign addresses reach the US-only rule.
/// </summary>
public sealed class EnforcementServices : IAsyncLifetime
{
    /// <summary>The plan's contacts the authserver e-mails the evidence to (contract 1's <c>Enforcement:PlanContacts</c>).</summary>
    public const string PlanContact = "security-desk@plan.example";

    private readonly string _root = Directory.CreateTempSubdirectory("pa-enforcement-").FullName;
    private RunScript? _run;

    /// <summary>The detector tests' stack: <see cref="Settings"/>.</summary>
    public EnforcementServices()
        : this(Settings)
    {
    }

    /// <summary>A stack with other settings (the benign mix: <see cref="BaseSettings"/>, every detector at its default).</summary>
    internal EnforcementServices(IReadOnlyDictionary<string, string> settings) => ServiceSettings = settings;

    /// <summary>
    /// Small detector settings for tests (short windows, low thresholds, a low minimum volume), and
    /// what the stack needs besides: the loopback proxy trusted, per-address limits out of the way
    /// (the per-app and per-token limits are the ones an app hits), the plan's contact.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = BaseSettings.Concat(DetectorSettings.ForTests).ToDictionary();

    /// <summary>What any test stack here needs, detectors left at their defaults.</summary>
    public static IReadOnlyDictionary<string, string> BaseSettings => new Dictionary<string, string>
    {
        ["ClientAddress__TrustedProxies__0"] = "127.0.0.1/32",
        ["RateLimiting__Address__Burst"] = "100000",
        ["RateLimiting__Address__PerSecond"] = "100000",
        ["Enforcement__PlanContacts__0"] = PlanContact,
        // Every developer here signs up from loopback: the per-address sign-up code limit (20 in 15
        // minutes) would stop the latency benchmark's fifty apps, as run.sh raises the members' limits.
        ["DeveloperPortal__CodeSendsPerAddress"] = "100000",
    };

    /// <summary>The settings this stack gave every service through run.sh.</summary>
    public IReadOnlyDictionary<string, string> ServiceSettings { get; }

    public string DataDirectory => Path.Combine(_root, ".data");

    public Uri AuthServer { get; private set; } = null!;

    public Uri Gateway { get; private set; } = null!;

    public Uri Monitor { get; private set; } = null!;

    /// <summary>The FHIR base URL tokens are for (the authserver's <c>aud</c>).</summary>
    public string Audience { get; private set; } = null!;

    public string StaffKey { get; private set; } = null!;

    public string Outbox => Path.Combine(DataDirectory, "outbox");

    public string Output => _run?.Output ?? string.Empty;

    /// <summary>The ports run.sh was given (PA_*_PORT).</summary>
    public IReadOnlyDictionary<string, int> Ports => _run?.Ports ?? new Dictionary<string, int>();

    /// <summary>A secret run.sh made in the data folder (admin.key, revocation-feed.key, member-context.key, ...).</summary>
    public string Secret(string file) => File.ReadAllText(Path.Combine(DataDirectory, "secrets", file)).Trim();

    /// <summary>Every service's log (run.sh writes them to the data folder), for a failing assertion's message.</summary>
    public string Logs(params string[] services) => string.Join("\n", services.Select(s =>
    {
        var path = Path.Combine(DataDirectory, "logs", s + ".log");
        var text = File.Exists(path) ? File.ReadAllText(path) : "(no log)";
        return $"--- {s} (last 6000 characters) ---\n{text[Math.Max(0, text.Length - 6000)..]}";
    }));

    public async ValueTask InitializeAsync()
    {
        _run = new RunScript(DataDirectory, environment: ServiceSettings);
        if (!await _run.WaitForOutputAsync("Press Ctrl-C to stop.", TimeSpan.FromMinutes(8)))
        {
            throw new InvalidOperationException("./run.sh did not start the stack:\n" + _run.Output);
        }

        var ports = _run.Ports;
        AuthServer = new Uri($"http://127.0.0.1:{ports["PA_AUTHSERVER_PORT"]}");
        Gateway = new Uri($"http://127.0.0.1:{ports["PA_GATEWAY_PORT"]}");
        Monitor = new Uri($"http://127.0.0.1:{ports["PA_MONITOR_PORT"]}");
        Audience = $"http://localhost:{ports["PA_GATEWAY_PORT"]}/r4";
        StaffKey = (await File.ReadAllTextAsync(Path.Combine(DataDirectory, "secrets", "staff.key"))).Trim();
    }

    public HttpClient GatewayClient() => new() { BaseAddress = Gateway, Timeout = TimeSpan.FromSeconds(60) };

    public HttpClient AuthServerClient() => new() { BaseAddress = AuthServer, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>The monitor with the staff key, as security staff call it.</summary>
    public HttpClient MonitorClient()
    {
        var client = new HttpClient { BaseAddress = Monitor, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StaffKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
