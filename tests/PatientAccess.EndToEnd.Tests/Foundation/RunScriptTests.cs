using System.Net.Sockets;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

[Collection(RunScriptGroup.Name)]
public sealed class RunScriptTests
{
    [Fact]
    public async Task RunSh_FreshDataFolder_AllReadyThenSigtermLeavesNothing()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("pa-run-").FullName, ".data");
        await using var run = new RunScript(data);

        Assert.True(await run.WaitForOutputAsync("PatientAccess is running", TimeSpan.FromMinutes(5)), run.Output);
        foreach (var service in new[] { "GATEWAY", "AUTHSERVER", "FHIRSTORE", "MONITOR" })
        {
            // Ready on the management port, which run.sh prints; the public port does not answer it.
            var management = run.Ports[$"PA_{service}_MANAGEMENT_PORT"];
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{management}") };
            Assert.True(await ServiceProcess.IsReadyAsync(http), $"{service} not ready on {management}:\n{run.Output}");
            Assert.Contains($"127.0.0.1:{management}", run.Output, StringComparison.Ordinal);
            using var outside = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.Ports[$"PA_{service}_PORT"]}") };
            Assert.False(await ServiceProcess.IsReadyAsync(outside), $"{service} answers /health/ready on its public port");
        }

        // The gateways hold the read-only feed key, never the admin key.
        var feedKey = Path.Combine(data, "secrets", "revocation-feed.key");
        Assert.True(File.Exists(feedKey));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(feedKey));
        var adminKey = (await File.ReadAllTextAsync(Path.Combine(data, "secrets", "admin.key"), TestContext.Current.CancellationToken)).Trim();
        var gatewayPid = ProcessTable.InSession(run.SessionId).Single(p => ProcessTable.CommandLine(p).Contains("PatientAccess.Gateway.dll", StringComparison.Ordinal));
        var gatewayEnvironment = await File.ReadAllTextAsync($"/proc/{gatewayPid}/environ", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(adminKey, gatewayEnvironment, StringComparison.Ordinal);
        Assert.Contains("Revocation__FeedKey=", gatewayEnvironment, StringComparison.Ordinal);

        Assert.Contains($"http://localhost:{run.Ports["PA_GATEWAY_PORT"]}/r4", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "fhir-store.db")));
        Assert.True(File.Exists(Path.Combine(data, "authserver.db")));
        Assert.True(File.Exists(Path.Combine(data, "logs", "gateway.log")));
        // The demo member was seeded, and the store answers an operator with it.
        var operatorKey = (await File.ReadAllTextAsync(Path.Combine(data, "secrets", "operator.key"), TestContext.Current.CancellationToken)).Trim();
        using (var store = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{run.Ports["PA_FHIRSTORE_PORT"]}") })
        {
            store.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", operatorKey);
            var demo = await store.GetStringAsync(new Uri("/r4/Patient?identifier=123456789123&birthdate=1950-10-19&family=allen&given=john&address-postalcode=02114", UriKind.Relative), TestContext.Current.CancellationToken);
            var found = StrictFhir.Parse<Hl7.Fhir.Model.Bundle>(demo);
            var patient = Assert.IsType<Hl7.Fhir.Model.Patient>(Assert.Single(found.Entry).Resource);
            Assert.Equal("demo-john-allen", patient.Id);
            Assert.Equal("1950-10-19", patient.BirthDate);
            using var plain = new HttpClient();
            using var anonymous = await plain.GetAsync(new Uri($"http://127.0.0.1:{run.Ports["PA_FHIRSTORE_PORT"]}/r4/Patient/demo-john-allen"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, anonymous.StatusCode);
        }

        var started = ProcessTable.InSession(run.SessionId);
        Assert.True(started.Count >= 6, $"expected run.sh, redis and four services, found: {Describe(started)}");

        Signals.Terminate(run.Pid);

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromSeconds(60)), run.Output);
        var left = await LeftoversAsync(run.SessionId);
        Assert.True(left.Count == 0, $"processes left behind: {Describe(left)}");
        foreach (var port in run.Ports.Values)
        {
            Assert.False(await IsListeningAsync(port), $"port {port} still listening");
        }
    }

    [Fact]
    public async Task RunSh_PortInUse_RefusesNamingThePort()
    {
        var data = Path.Combine(Directory.CreateTempSubdirectory("pa-run-").FullName, ".data");
        TcpListener? blocker = null;
        await using var run = new RunScript(data, ports =>
        {
            blocker = new TcpListener(System.Net.IPAddress.Loopback, ports["PA_GATEWAY_PORT"]);
            blocker.Start();
        });
        using var held = blocker;

        Assert.True(await run.WaitForExitAsync(TimeSpan.FromMinutes(2)), run.Output);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"port {run.Ports["PA_GATEWAY_PORT"]} (gateway) is already in use", run.Output, StringComparison.Ordinal);
        Assert.Empty(await LeftoversAsync(run.SessionId));
    }

    private static async Task<IReadOnlyList<int>> LeftoversAsync(int session)
    {
        IReadOnlyList<int> left = [];
        await Eventually.TrueAsync(() => Task.FromResult((left = ProcessTable.InSession(session)).Count == 0), TimeSpan.FromSeconds(10));
        return left;
    }

    private static string Describe(IEnumerable<int> pids) =>
        string.Join("; ", pids.Select(p => $"{p}: {ProcessTable.CommandLine(p)}"));

    private static async Task<bool> IsListeningAsync(int port)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
