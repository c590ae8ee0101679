using System.Diagnostics;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Member;

/// <summary>
/// The real fhir-store as a process, seeded by its own CLI (<c>seed --members 5</c>: the demo
/// member John Allen, the Rivera family and five synthetic members), read with the test operator key.
/// </summary>
internal sealed class SeededStore : IAsyncDisposable
{
    private readonly string _data;
    private readonly ServiceProcess _process;

    private SeededStore(string data, ServiceProcess process)
    {
        _data = data;
        _process = process;
    }

    public Uri BaseAddress => _process.BaseAddress;

    public static async Task<SeededStore> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("pa-member-store-").FullName;
        var output = RepoPaths.ServiceOutput(ServiceName.FhirStore.Folder, ServiceName.FhirStore.Project);
        var info = new ProcessStartInfo("dotnet", [Path.Combine(output, ServiceName.FhirStore.Project + ".dll"), "seed", "--members", "5", "--contentRoot", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Service__DataDirectory"] = data;
        info.Environment["Access__MemberContextKeys__0"] = TestKeys.MemberContext;
        info.Environment["Access__OperatorKeyHashes__0"] = TestKeys.OperatorHash;
        using (var seed = Process.Start(info)!)
        {
            var stdout = seed.StandardOutput.ReadToEndAsync();
            var stderr = seed.StandardError.ReadToEndAsync();
            await seed.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            if (seed.ExitCode != 0)
            {
                throw new InvalidOperationException($"store seed failed ({seed.ExitCode}):\n{await stdout}\n{await stderr}");
            }
        }

        var process = ServiceProcess.Start(ServiceName.FhirStore, new Dictionary<string, string> { ["Service__DataDirectory"] = data });
        if (!await process.WaitReadyAsync(TimeSpan.FromSeconds(90)))
        {
            throw new InvalidOperationException("the fhir-store did not become ready:\n" + process.Output);
        }

        return new SeededStore(data, process);
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_data, recursive: true);
    }
}
