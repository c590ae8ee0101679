using System.Net;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.CrossProcess.Member;

/// <summary>
/// Issue 14 point 1 across real processes: two authserver replicas on one PostgreSQL database.
/// A real member registered on both at the same moment gets one account; the demo member John
/// Allen gets one per developer, whichever replica they use.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class DemoAccountReplicaTests(MemberServices stack) : IAsyncLifetime
{
    private readonly List<ServiceProcess> _servers = [];
    private readonly List<string> _folders = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }

        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Register_OnTwoReplicasAtOnce_RealMemberOneAccountDemoMemberOneEach()
    {
        var database = await stack.CreateDatabaseAsync("d" + Guid.NewGuid().ToString("N")[..12]);
        var shared = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = database,
            ["SigningKeys__EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        var one = await StartAsync(shared);
        var two = await StartAsync(new(shared) { ["Clients__SeedDemoClients"] = "false" });
        var replicas = new[] { one, two };

        var real = await MemberJourney.RealMemberAsync(stack.Store);
        var realAnswers = await RegisterOnBothAsync(replicas, real);
        Assert.Single(realAnswers, a => a.Status == HttpStatusCode.SeeOther);
        var refused = Assert.Single(realAnswers, a => a.Status == HttpStatusCode.BadRequest);
        Assert.Contains("This member already has an account.", refused.Page, StringComparison.Ordinal);

        var demoAnswers = await RegisterOnBothAsync(replicas, MemberJourney.JohnAllen);
        Assert.All(demoAnswers, a => Assert.Equal(HttpStatusCode.SeeOther, a.Status));
        Assert.All(demoAnswers, a => Assert.Equal("/member/apps", a.Location));
    }

    /// <summary>One registrant per replica, each with an address of their own, who confirm their codes at the same moment.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string Page)[]> RegisterOnBothAsync((ServiceProcess Server, string Data)[] replicas, (string, string)[] identity)
    {
        var drivers = replicas.Select(r => Driver(r.Server)).ToArray();
        var emails = replicas.Select(_ => MemberJourney.NewEmail()).ToArray();
        try
        {
            for (var i = 0; i < replicas.Length; i++)
            {
                using var verified = await drivers[i].SubmitAsync("/member/register", identity);
                Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
                using var sent = await drivers[i].SubmitAsync("/member/email", ("email", emails[i]));
                Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
                using (await drivers[i].GetAsync("/member/code"))
                {
                }
            }

            var codes = replicas.Select((r, i) => Outbox.LatestCode(r.Data, emails[i])).ToArray();
            return await Task.WhenAll(drivers.Select(async (driver, i) =>
            {
                using var answer = await driver.PostAsync("/member/code", [KeyValuePair.Create("code", codes[i])]);
                return (answer.StatusCode, answer.Headers.Location?.OriginalString, driver.LastPage);
            }));
        }
        finally
        {
            foreach (var driver in drivers)
            {
                driver.Dispose();
            }
        }
    }

    private async Task<(ServiceProcess Server, string Data)> StartAsync(Dictionary<string, string> extra)
    {
        var data = Directory.CreateTempSubdirectory("pa-member-replica-").FullName;
        _folders.Add(data);
        var settings = new Dictionary<string, string>(extra)
        {
            ["Service__DataDirectory"] = data,
            ["Redis__ConnectionString"] = stack.RedisConnectionString,
            ["Store__Url"] = stack.Store.BaseAddress.ToString(),
            ["Store__OperatorKey"] = TestKeys.Operator,
        };
        var server = ServiceProcess.Start(ServiceName.AuthServer, settings);
        _servers.Add(server);
        Assert.True(await server.WaitReadyAsync(TimeSpan.FromSeconds(90)), server.Output);
        return (server, data);
    }

    private static MemberDriver Driver(ServiceProcess server) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress });
}
