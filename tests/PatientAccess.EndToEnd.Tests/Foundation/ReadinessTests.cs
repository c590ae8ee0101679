using System.Net;
using PatientAccess.Testing;

namespace PatientAccess.EndToEnd.Tests.Foundation;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_RedisStoppedThenRestarted_NotReadyThenReadyAgain()
    {
        await using var redis = await RedisServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("pa-ready-").FullName;
        await using var store = ServiceProcess.Start(ServiceName.FhirStore, new Dictionary<string, string> { ["Service__DataDirectory"] = data });
        var settings = new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = data,
            ["Redis__ConnectionString"] = redis.ConnectionString,
            ["Redis__TimeoutMilliseconds"] = "500",
            ["Proxy__FhirStoreUrl"] = store.BaseAddress.ToString(),
        };
        await using var authserver = ServiceProcess.Start(ServiceName.AuthServer, settings);
        await using var monitor = ServiceProcess.Start(ServiceName.Monitor, settings);
        await using var gateway = ServiceProcess.Start(ServiceName.Gateway, StackFixture.GatewaySettings(new Dictionary<string, string>(settings), store, authserver));
        ServiceProcess[] users = [gateway, authserver, monitor];
        foreach (var service in users)
        {
            Assert.True(await service.WaitReadyAsync(TimeSpan.FromSeconds(90)), service.Output);
        }

        await redis.StopAsync();
        foreach (var service in users)
        {
            Assert.True(await Eventually.TrueAsync(() => StatusIs(service, HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(30)),
                $"still ready with Redis stopped:\n{service.Output}");
            Assert.Contains("redis", await ReadyBody(service), StringComparison.Ordinal);
        }

        await redis.RestartAsync();
        foreach (var service in users)
        {
            Assert.True(await Eventually.TrueAsync(() => StatusIs(service, HttpStatusCode.OK), TimeSpan.FromSeconds(60)),
                $"not ready again after Redis returned:\n{service.Output}");
        }

        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task GatewayReady_StoreStopped_NotReady()
    {
        await using var redis = await RedisServer.StartAsync();
        var data = Directory.CreateTempSubdirectory("pa-ready-").FullName;
        var store = ServiceProcess.Start(ServiceName.FhirStore, new Dictionary<string, string> { ["Service__DataDirectory"] = data });
        var common = new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = data,
            ["Redis__ConnectionString"] = redis.ConnectionString,
        };
        await using var authserver = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>(common));
        await using var gateway = ServiceProcess.Start(ServiceName.Gateway, StackFixture.GatewaySettings(new Dictionary<string, string>(common), store, authserver));
        Assert.True(await store.WaitReadyAsync(TimeSpan.FromSeconds(90)), store.Output);
        Assert.True(await gateway.WaitReadyAsync(TimeSpan.FromSeconds(90)), gateway.Output);

        await store.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(() => StatusIs(gateway, HttpStatusCode.ServiceUnavailable), TimeSpan.FromSeconds(30)));
        Assert.Contains("fhir-store", await ReadyBody(gateway), StringComparison.Ordinal);
        Directory.Delete(data, recursive: true);
    }

    private static async Task<bool> StatusIs(ServiceProcess service, HttpStatusCode expected)
    {
        using var http = new HttpClient { BaseAddress = service.ManagementAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return response.StatusCode == expected;
    }

    private static async Task<string> ReadyBody(ServiceProcess service)
    {
        using var http = new HttpClient { BaseAddress = service.ManagementAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return await response.Content.ReadAsStringAsync();
    }
}
