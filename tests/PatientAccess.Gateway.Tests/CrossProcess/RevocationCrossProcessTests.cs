using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// The real authserver suspends a client; two gateway processes, told only through Redis (push)
/// and the authserver's feed, must refuse the client's token within a second. The tokens are
/// minted by <see cref="TestTokens"/> for the authserver's demo client, so no SMART flow is needed
/// to hold a token that names a client the authserver knows.
/// </summary>
[Collection(CrossProcessGroup.Name)]
public sealed class RevocationCrossProcessTests(ITestOutputHelper output)
{
    /// <summary>The brief's promise: credentials stop working everywhere within a second.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How long a poller keeps trying after the suspend; far beyond the bound, so a slow replica shows its real figure.</summary>
    private static readonly TimeSpan PollLimit = TimeSpan.FromSeconds(15);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientSuspended_TwoReplicas_BothAnswer401WithinOneSecond()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        var authData = Directory.CreateTempSubdirectory("pa-revocation-auth-").FullName;
        try
        {
            await using var authserver = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
            {
                ["Service__DataDirectory"] = authData,
                ["Redis__ConnectionString"] = redis.ConnectionString,
            });
            Assert.True(await authserver.WaitReadyAsync(TimeSpan.FromSeconds(120)), authserver.Output);
            var clientId = await DemoClientIdAsync(authData);
            await using var replicas = await GatewayReplicas.StartAsync(2, redis.ConnectionString, backend, authserver.BaseAddress.ToString(), TestKeys.RevocationFeed,
                new Dictionary<string, string>
                {
                    // Polling both replicas every 20 ms must never meet a rate limit.
                    ["RateLimiting__Client__Burst"] = "100000",
                    ["RateLimiting__Client__PerSecond"] = "100000",
                    ["RateLimiting__Token__Burst"] = "100000",
                    ["RateLimiting__Token__PerSecond"] = "100000",
                });

            // Issued a few seconds ago: a client revocation covers tokens issued at or before its time (whole seconds).
            var token = tokens.Create(TestTokens.Claims(clientId: clientId, issuedAt: DateTimeOffset.UtcNow.AddSeconds(-5)));
            for (var i = 0; i < replicas.Count; i++)
            {
                Assert.Equal(HttpStatusCode.OK, await StatusAsync(replicas.Clients[i], token, Ct));
            }

            var clock = Stopwatch.StartNew();
            var pollers = replicas.Clients.Select(client => Task.Run(() => FirstRefusalAsync(client, token, clock, Ct), Ct)).ToArray();
            // Both pollers are under way before the suspend is sent.
            await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);

            var sent = clock.Elapsed;
            using (var http = new HttpClient { BaseAddress = authserver.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
            using (var suspend = new HttpRequestMessage(HttpMethod.Post, new Uri($"/admin/clients/{clientId}/suspend", UriKind.Relative)))
            {
                suspend.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
                suspend.Content = System.Net.Http.Json.JsonContent.Create(new { reason = "test: suspending the app" });
                using var answer = await http.SendAsync(suspend, Ct);
                Assert.True(answer.StatusCode == HttpStatusCode.OK, $"suspend answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync(Ct)}");
            }

            var returned = clock.Elapsed;
            var refusals = await Task.WhenAll(pollers);

            for (var i = 0; i < refusals.Length; i++)
            {
                var (at, polls, status) = refusals[i];
                var latency = at is { } t ? string.Create(CultureInfo.InvariantCulture, $"{(t - returned).TotalMilliseconds:F0} ms after the suspend returned") : "never";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"replica {i}: first 401 {latency}; suspend call took {(returned - sent).TotalMilliseconds:F0} ms; {polls} polls; last status {status}"));
            }

            for (var i = 0; i < refusals.Length; i++)
            {
                var (at, _, status) = refusals[i];
                Assert.True(at is not null, $"replica {i} never refused the suspended client's token (last status {status}):\n{replicas.Output()}");
                // A refusal before the suspend was even sent would mean the test measures something else.
                Assert.True(at >= sent, $"replica {i} refused the token before the suspend was sent");
                Assert.True(at - returned <= Bound,
                    string.Create(CultureInfo.InvariantCulture, $"replica {i} took {(at - returned)!.Value.TotalMilliseconds:F0} ms to refuse:\n{replicas.Output()}"));
            }
        }
        finally
        {
            DeleteQuietly(authData);
        }
    }

    /// <summary>
    /// A gateway holding only the read-only feed key, started after the suspension (so no push can
    /// have reached it), learns it from the authserver's feed and refuses the client's token.
    /// </summary>
    [Fact]
    public async Task ClientSuspendedBeforeStart_GatewayWithOnlyFeedKey_CatchesUpFromFeed()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        var authData = Directory.CreateTempSubdirectory("pa-revocation-feed-").FullName;
        try
        {
            await using var authserver = ServiceProcess.Start(ServiceName.AuthServer, new Dictionary<string, string>
            {
                ["Service__DataDirectory"] = authData,
                ["Redis__ConnectionString"] = redis.ConnectionString,
            });
            Assert.True(await authserver.WaitReadyAsync(TimeSpan.FromSeconds(120)), authserver.Output);
            var clientId = await DemoClientIdAsync(authData);
            var token = tokens.Create(TestTokens.Claims(clientId: clientId, issuedAt: DateTimeOffset.UtcNow.AddSeconds(-5)));
            using (var http = new HttpClient { BaseAddress = authserver.BaseAddress, Timeout = TimeSpan.FromSeconds(30) })
            {
                // The feed key cannot do what only security staff may.
                using var byFeedKey = new HttpRequestMessage(HttpMethod.Post, new Uri($"/admin/clients/{clientId}/suspend", UriKind.Relative));
                byFeedKey.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.RevocationFeed);
                using (var refused = await http.SendAsync(byFeedKey, Ct))
                {
                    Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                }

                using var suspend = new HttpRequestMessage(HttpMethod.Post, new Uri($"/admin/clients/{clientId}/suspend", UriKind.Relative));
                suspend.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestKeys.Admin);
                suspend.Content = System.Net.Http.Json.JsonContent.Create(new { reason = "test: suspending the app" });
                using var answer = await http.SendAsync(suspend, Ct);
                Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            }

            await using var replicas = await GatewayReplicas.StartAsync(1, redis.ConnectionString, backend, authserver.BaseAddress.ToString(), TestKeys.RevocationFeed);

            Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(replicas.Clients[0], token, Ct));
            Assert.DoesNotContain(TestKeys.Admin, replicas.Output(), StringComparison.Ordinal);
        }
        finally
        {
            DeleteQuietly(authData);
        }
    }

    [Fact]
    public async Task Start_GatewayGivenAdminKey_RefusesNamingTheSetting()
    {
        await using var gateway = ServiceProcess.Start(ServiceName.Gateway, new Dictionary<string, string>
        {
            ["Revocation__AdminApiKey"] = TestKeys.Admin,
        });

        Assert.True(await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60)), gateway.Output);
        Assert.Equal(78, gateway.ExitCode);
        Assert.Contains("Revocation:AdminApiKey: is no longer used", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Admin, gateway.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Polls one replica until it answers 401 (the time that answer arrived, on <paramref name="clock"/>),
    /// until <see cref="PollLimit"/> after the first poll, or until any answer other than 200 or 401.
    /// </summary>
    private static async Task<(TimeSpan? At, int Polls, int LastStatus)> FirstRefusalAsync(
        HttpClient client, string token, Stopwatch clock, CancellationToken cancellationToken)
    {
        var deadline = clock.Elapsed + PollLimit;
        var polls = 0;
        var status = 0;
        while (clock.Elapsed < deadline && polls < 10_000)
        {
            polls++;
            status = (int)await StatusAsync(client, token, cancellationToken);
            if (status == (int)HttpStatusCode.Unauthorized)
            {
                return (clock.Elapsed, polls, status);
            }

            if (status != (int)HttpStatusCode.OK)
            {
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        return (null, polls, status);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string token, CancellationToken cancellationToken)
    {
        using var request = GatewayReplicas.ReadOwnPatient(token);
        using var response = await client.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    /// <summary>The authserver seeds its demo apps and writes their ids to <c>demo-clients.json</c> in its data folder.</summary>
    private static async Task<string> DemoClientIdAsync(string authData)
    {
        var path = Path.Combine(authData, "demo-clients.json");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(File.Exists(path)), TimeSpan.FromSeconds(30)), $"{path} was not written");
        var clients = JsonNode.Parse(await File.ReadAllTextAsync(path, Ct))!.AsArray();
        return (string)clients[0]!["client_id"]!;
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
