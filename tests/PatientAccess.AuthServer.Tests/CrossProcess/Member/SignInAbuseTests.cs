using System.Globalization;
using System.Net;
using PatientAccess.AuthServer.Tests.Integration.Member;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.CrossProcess.Member;

/// <summary>
/// Issue 12 item 10 across real processes (authserver with a real Redis, the seeded store, and
/// PostgreSQL for replicas): an outsider who knows a member's e-mail address cannot keep the
/// member from signing in; failures are counted against the real client address (believed from
/// X-Forwarded-For only when the peer is a trusted proxy); send limits and lockouts hold across replicas.
/// </summary>
[Collection(MemberTestGroup.Name)]
public sealed class SignInAbuseTests(MemberServices stack) : IAsyncLifetime
{
    private const string Attacker = "203.0.113.7";
    private const string MemberAddress = "198.51.100.9";
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
    public async Task SignIn_AttackerBurnsCodesFromAnotherAddress_MemberStillSignsIn()
    {
        var (server, data) = await StartAsync(new() { ["ClientAddress__TrustedProxies__0"] = "127.0.0.1", ["MemberApp__MaxFailuresPerAddress"] = "6" });
        var email = MemberJourney.NewEmail();
        using (var member = Driver(server, MemberAddress))
        {
            Assert.Equal("/member/apps", await RegisterAsync(member, data, email));
        }

        using (var attacker = Driver(server, Attacker))
        {
            using (var sent = await attacker.SubmitAsync("/member/signin", ("email", email)))
            {
                Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
            }

            for (var i = 0; i < 5; i++)
            {
                using var miss = await attacker.SubmitAsync("/member/code", ("code", Wrong(Outbox.LatestCode(data, email))));
                Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
            }

            using (var resent = await attacker.PostAsync("/member/code/resend", []))
            {
                Assert.Equal(HttpStatusCode.SeeOther, resent.StatusCode);
            }

            using (var sixth = await attacker.SubmitAsync("/member/code", ("code", Wrong(Outbox.LatestCode(data, email)))))
            {
                Assert.Equal(HttpStatusCode.BadRequest, sixth.StatusCode);
            }

            // The attacker's address is now locked, even with the right code of its own session.
            using var locked = await attacker.SubmitAsync("/member/code", ("code", Outbox.LatestCode(data, email)));
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        }

        using var again = Driver(server, MemberAddress);
        using (var sent = await again.SubmitAsync("/member/signin", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        using var confirmed = await again.SubmitAsync("/member/code", ("code", Outbox.LatestCode(data, email)));
        Assert.Equal("/member/apps", MemberDriver.LocationOf(confirmed));
    }

    [Fact]
    public async Task SignIn_TwoClientsBehindTrustedProxy_CountedApart()
    {
        var (server, _) = await StartAsync(new() { ["ClientAddress__TrustedProxies__0"] = "127.0.0.0/8", ["MemberApp__MaxFailuresPerAddress"] = "3" });
        using var first = Driver(server, "192.0.2.10, 127.0.0.1");
        using (await first.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail())))
        {
        }

        for (var i = 0; i < 3; i++)
        {
            using var miss = await first.SubmitAsync("/member/code", ("code", "000000"));
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        }

        using (var locked = await first.SubmitAsync("/member/code", ("code", "000000")))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        }

        using var second = Driver(server, "192.0.2.20");
        using (var sent = await second.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail())))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        using var wrong = await second.SubmitAsync("/member/code", ("code", "000000"));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("You have 4 tries left.", second.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_ForgedForwardedForWithoutTrustedProxy_CountedAgainstThePeer()
    {
        var (server, _) = await StartAsync(new() { ["MemberApp__MaxFailuresPerAddress"] = "3" });
        for (var i = 0; i < 3; i++)
        {
            using var driver = Driver(server, $"192.0.2.{i + 1}");
            using (await driver.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail())))
            {
            }

            using var miss = await driver.SubmitAsync("/member/code", ("code", "000000"));
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        }

        using var next = Driver(server, "192.0.2.99");
        using var refused = await next.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail()));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task CodeSendsAndFailures_TwoReplicasOnOneDatabase_ShareTheirLimits()
    {
        var database = await stack.CreateDatabaseAsync("r" + Guid.NewGuid().ToString("N")[..12]);
        var shared = new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSql",
            ["Database__ConnectionString"] = database,

            // Replicas share the signing keys' encryption key, as a deployment's replicas do.
            ["SigningKeys__EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["MemberApp__CodeSendsPerAccountPerAddress"] = "2",
            ["MemberApp__MaxFailuresPerAddress"] = "2",
        };
        var (one, _) = await StartAsync(shared);

        // The second replica finds the schema and the demo apps the first one made.
        var (two, _) = await StartAsync(new(shared) { ["Clients__SeedDemoClients"] = "false" });
        var email = MemberJourney.NewEmail();
        using var onOne = Driver(one, null);
        using var onTwo = Driver(two, null);
        using (var sent = await onOne.SubmitAsync("/member/signin", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        using (var sent = await onTwo.SubmitAsync("/member/signin", ("email", email)))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        }

        foreach (var driver in new[] { onOne, onTwo })
        {
            using var refused = await driver.SubmitAsync("/member/signin", ("email", email));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        }

        using (var other = await onTwo.SubmitAsync("/member/signin", ("email", MemberJourney.NewEmail())))
        {
            Assert.Equal("/member/code", MemberDriver.LocationOf(other));
        }

        for (var i = 0; i < 2; i++)
        {
            using var miss = await onOne.SubmitAsync("/member/code", ("code", "000000"));
            Assert.Equal(HttpStatusCode.BadRequest, miss.StatusCode);
        }

        using var lockedOnTwo = await onTwo.SubmitAsync("/member/code", ("code", "000000"));
        Assert.Equal(HttpStatusCode.TooManyRequests, lockedOnTwo.StatusCode);
    }

    private async Task<(ServiceProcess Server, string Data)> StartAsync(Dictionary<string, string> extra)
    {
        var data = Directory.CreateTempSubdirectory("pa-member-abuse-").FullName;
        _folders.Add(data);
        var settings = new Dictionary<string, string>
        {
            ["Service__DataDirectory"] = data,
            ["Redis__ConnectionString"] = stack.RedisConnectionString,
            ["Store__Url"] = stack.Store.BaseAddress.ToString(),
            ["Store__OperatorKey"] = TestKeys.Operator,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var server = ServiceProcess.Start(ServiceName.AuthServer, settings);
        _servers.Add(server);
        Assert.True(await server.WaitReadyAsync(TimeSpan.FromSeconds(90)), server.Output);
        return (server, data);
    }

    /// <summary>A browser whose requests carry <paramref name="forwardedFor"/> as X-Forwarded-For (as a proxy in front would add).</summary>
    private static MemberDriver Driver(ServiceProcess server, string? forwardedFor)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = server.BaseAddress };
        if (forwardedFor is not null)
        {
            http.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        }

        return new MemberDriver(http);
    }

    private static async Task<string> RegisterAsync(MemberDriver driver, string data, string email)
    {
        using var verified = await driver.SubmitAsync("/member/register", MemberJourney.JohnAllen);
        Assert.Equal("/member/email", MemberDriver.LocationOf(verified));
        using var sent = await driver.SubmitAsync("/member/email", ("email", email));
        Assert.Equal("/member/code", MemberDriver.LocationOf(sent));
        using var confirmed = await driver.SubmitAsync("/member/code", ("code", Outbox.LatestCode(data, email)));
        return MemberDriver.LocationOf(confirmed);
    }

    private static string Wrong(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
}
