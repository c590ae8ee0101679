using System.Net;
using System.Net.Http.Headers;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// Issue 12, item 7, across real processes (a gateway, a redis-server, the fake neighbours): junk
/// traffic from one address is throttled there, whatever the junk, while other addresses and a
/// real app go on; a forged X-Forwarded-For cannot spread the charge over made-up addresses.
/// </summary>
[Collection(CrossProcessGroup.Name)]
public sealed class JunkTrafficCrossProcessTests
{
    private const int Burst = 5;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Settings(bool trustLoopback) => new()
    {
        ["RateLimiting__Address__Burst"] = "5",
        ["RateLimiting__Address__PerSecond"] = "0.01",
        // Loopback plays the load balancer (nginx in the compose file), or an outsider's direct peer.
        ["ClientAddress__TrustedProxies__0"] = trustLoopback ? "127.0.0.1" : "192.0.2.1",
    };

    private static HttpRequestMessage Request(HttpMethod method, string path, string? forwardedFor, string? token = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (forwardedFor is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", forwardedFor);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    /// <summary>No token, a bad token, a write, an unknown route, a discovery document, in turn.</summary>
    private static HttpRequestMessage Junk(int i, string? forwardedFor) => (i % 5) switch
    {
        0 => Request(HttpMethod.Get, "/r4/Patient", forwardedFor),
        1 => Request(HttpMethod.Get, "/r4/Patient", forwardedFor, "forged.token.value"),
        2 => Request(HttpMethod.Put, "/r4/Patient/" + TestTokens.PatientId, forwardedFor),
        3 => Request(HttpMethod.Get, "/wp-login.php", forwardedFor),
        _ => Request(HttpMethod.Get, "/r4/.well-known/smart-configuration", forwardedFor),
    };

    [Fact]
    public async Task Junk_FromOneClientBehindTheProxy_429ThereWhileOtherAddressesAndARealAppGoOn()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        await using var replicas = await GatewayReplicas.StartAsync(1, redis.ConnectionString, backend, backend.Url, FakeBackend.FeedKey, Settings(trustLoopback: true));
        var gateway = replicas.Clients[0];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await gateway.SendAsync(Junk(i, "10.1.1.1"), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(Burst));
        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // A real app's member on the same address, with a token the gateway has never seen.
        using (var app = await gateway.SendAsync(Request(HttpMethod.Get, "/r4/Patient/" + TestTokens.PatientId, "10.1.1.1", tokens.Create()), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, app.StatusCode);
        }

        // Another address: its own bucket. The proxy appends the real peer; what the outsider wrote to its left proves nothing.
        using (var other = await gateway.SendAsync(Junk(0, "10.2.2.2"), Ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        }

        using var spread = await gateway.SendAsync(Junk(0, "10.9.9.9, 10.1.1.1"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, spread.StatusCode);
        Assert.NotNull(spread.Headers.RetryAfter);
    }

    [Fact]
    public async Task Junk_SpoofedForwardedForFromAnUntrustedPeer_AllChargedToThePeer()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        await using var replicas = await GatewayReplicas.StartAsync(1, redis.ConnectionString, backend, backend.Url, FakeBackend.FeedKey, Settings(trustLoopback: false));
        var gateway = replicas.Clients[0];
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            var fake = $"10.{i}.{i}.{i + 1}";
            using var request = Junk(i, fake);
            request.Headers.TryAddWithoutValidation("Forwarded", "for=" + fake);
            using var response = await gateway.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using var mux = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var keys = new List<string>();
        await foreach (var key in mux.GetServer(mux.GetEndPoints()[0]).KeysAsync(pattern: "patientaccess:ratelimit:address:*"))
        {
            keys.Add(key!);
        }

        Assert.Equal(["patientaccess:ratelimit:address:127.0.0.1"], keys);
    }
}
