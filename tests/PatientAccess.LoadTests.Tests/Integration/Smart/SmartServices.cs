using PatientAccess.Testing;

namespace PatientAccess.LoadTests.Tests.Integration.Smart;

/// <summary>
/// The part of the stack a SMART launch needs, as real processes on loopback: Redis, a
/// fhir-store seeded by its own <c>seed</c> command (the demo member John Allen included), and
/// authservers wired the way ./run.sh wires them (store URL, operator key file, issuer, FHIR base).
/// One authserver is shared; a test that needs a member with no account yet starts its own.
/// </summary>
public sealed class SmartServices : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly string _root = Directory.CreateTempSubdirectory("pa-loadtests-stack-").FullName;
    private readonly List<ServiceProcess> _processes = [];
    private RedisServer? _redis;
    private ServiceProcess? _store;

    /// <summary>The FHIR base the authservers protect (a gateway's address in ./run.sh; no gateway is needed here).</summary>
    public string Audience { get; } = $"http://localhost:{FreePort.Next()}/r4";

    public RunningAuthServer Shared { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        var storeData = Directory.CreateDirectory(Path.Combine(_root, "store")).FullName;
        var storeOutput = RepoPaths.ServiceOutput(ServiceName.FhirStore.Folder, ServiceName.FhirStore.Project);
        // The operator's way: configuration as --Section:Key=value after the command's own options.
        var (exitCode, seedOutput) = await ExternalTool.RunAsync("dotnet",
        [
            Path.Combine(storeOutput, ServiceName.FhirStore.Project + ".dll"), "seed", "--members", "5", "--contentRoot", storeOutput,
            $"--Service:DataDirectory={storeData}", $"--Access:MemberContextKeys:0={TestKeys.MemberContext}", $"--Access:OperatorKeyHashes:0={TestKeys.OperatorHash}",
        ], timeout: TimeSpan.FromMinutes(3));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"fhir-store seed failed ({exitCode}):\n{seedOutput}");
        }

        _store = await StartAsync(ServiceName.FhirStore, new Dictionary<string, string> { ["Service__DataDirectory"] = storeData });
        Shared = await StartAuthServerAsync();
    }

    /// <summary>A new authserver with an empty data folder of its own (no member accounts yet), on the shared store and Redis.</summary>
    public async Task<RunningAuthServer> StartAuthServerAsync()
    {
        var data = Directory.CreateDirectory(Path.Combine(_root, "auth-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var keyFile = Path.Combine(Directory.CreateDirectory(Path.Combine(data, "secrets")).FullName, "operator.key");
        await File.WriteAllTextAsync(keyFile, TestKeys.Operator);
        var port = FreePort.Next();
        var process = await StartAsync(ServiceName.AuthServer, new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = data,
            ["Redis__ConnectionString"] = _redis!.ConnectionString,
            ["Store__Url"] = _store!.BaseAddress.ToString(),
            ["Store__OperatorKeyFile"] = keyFile,
            ["AuthServer__Issuer"] = $"http://127.0.0.1:{port}",
            ["AuthServer__FhirBaseUrl"] = Audience,
            // As run.sh sets them for a stack on loopback: every test here signs the demo member in
            // several times, far past the production send limits (3 codes per account and address per 15 min).
            ["MemberApp__CodeSendsPerAccount"] = "500",
            ["MemberApp__CodeSendsPerAccountPerAddress"] = "500",
            ["MemberApp__CodeSendsPerAddress"] = "5000",
        }, port);
        return new RunningAuthServer(process.BaseAddress, data);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Directory.Delete(_root, recursive: true);
    }

    private async Task<ServiceProcess> StartAsync(ServiceName service, Dictionary<string, string> settings, int? port = null)
    {
        var process = ServiceProcess.Start(service, settings, port);
        _processes.Add(process);
        if (!await process.WaitReadyAsync(ReadyTimeout))
        {
            throw new InvalidOperationException($"{service} did not become ready:\n{process.Output}");
        }

        return process;
    }
}
