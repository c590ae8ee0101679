using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.ServiceDefaults.Redis;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>
/// Issue 12, item 7: every request, refused or not, is charged (to its address, or to its token
/// and app), so junk traffic from an address ends in 429 there, while other addresses and
/// members' apps on the same address go on.
/// </summary>
public sealed class AddressLimitTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Burst = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private GatewayFactory Limited(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RateLimiting:Address:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:Address:PerSecond"] = "0.01",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return fixture.NewGateway(settings);
    }

    /// <summary>
    /// A client of a gateway whose Redis connection is up, as a running gateway's is soon after start:
    /// decisions made locally while it connects would let one extra request past Redis' full bucket.
    /// </summary>
    private static async Task<HttpClient> ConnectedClientAsync(GatewayFactory gateway)
    {
        var client = gateway.CreateClient();
        var redis = gateway.Services.GetRequiredService<RedisConnection>();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(redis.Multiplexer.IsConnected), TimeSpan.FromSeconds(10)),
            "the gateway never connected to Redis");
        return client;
    }

    private static string NewPeer() => "10.77." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255);

    /// <summary>Each kind of junk an outsider can send without a token of their own.</summary>
    private static HttpRequestMessage Junk(int i, string peer)
    {
        switch (i % 6)
        {
            case 0:
                return GatewayFixture.Get("/r4/Coverage", peer: peer);
            case 1:
                return GatewayFixture.Get("/r4/Coverage", "not-a-token", peer);
            case 2:
                var write = new HttpRequestMessage(HttpMethod.Delete, "/r4/Patient/" + TestTokens.PatientId);
                write.Headers.TryAddWithoutValidation(GatewayFactory.PeerHeader, peer);
                return write;
            case 3:
                return GatewayFixture.Get("/nowhere", peer: peer);
            case 4:
                return GatewayFixture.Get("/r4/Patient?_count=" + new string('9', 20), peer: peer);
            default:
                return GatewayFixture.Get("/r4/.well-known/smart-configuration", peer: peer);
        }
    }

    [Fact]
    public async Task Junk_EveryKindFromOneAddress_429OnceTheAddressBucketIsEmpty()
    {
        await using var gateway = Limited();
        using var client = await ConnectedClientAsync(gateway);
        var peer = NewPeer();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 12; i++)
        {
            last?.Dispose();
            last = await client.SendAsync(Junk(i, peer), Ct);
            statuses.Add(last.StatusCode);
        }

        // The first ones get their own refusal (or the discovery document), every later one 429.
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.MethodNotAllowed, HttpStatusCode.Unauthorized],
            statuses.Take(Burst));
        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        Assert.True(last!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.StartsWith("\"address\";r=0;", last.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        var audit = await fixture.AuditEventAsync(gateway, last.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("rate-limit", (string?)audit?["reason"]);
        Assert.Equal(peer, (string?)audit?["client_address"]);
        Assert.Equal("/r4/.well-known/smart-configuration", (string?)audit?["route"]);
        last.Dispose();
    }

    [Fact]
    public async Task Junk_FloodedAddress_OtherAddressAndMembersAppsOnTheSameAddressUnaffected()
    {
        await using var gateway = Limited();
        using var client = await ConnectedClientAsync(gateway);
        var peer = NewPeer();
        var knownToken = fixture.Tokens.Create();
        using (var first = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", knownToken, peer), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        for (var i = 0; i < Burst * 3; i++)
        {
            using var junk = await client.SendAsync(Junk(i, peer), Ct);
        }

        using (var flooded = await client.SendAsync(Junk(0, peer), Ct))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, flooded.StatusCode);
        }

        // A member's app on the same address: a token already seen, and one never seen before.
        using (var known = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", knownToken, peer), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, known.StatusCode);
            Assert.StartsWith("\"client\";", known.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        }

        using (var fresh = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(), peer), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        // Another address: its own full bucket.
        using var other = await client.SendAsync(Junk(0, NewPeer()), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task Junk_ForgedTokenOnFloodedAddress_Still429()
    {
        await using var gateway = Limited();
        using var client = await ConnectedClientAsync(gateway);
        var peer = NewPeer();
        for (var i = 0; i < Burst; i++)
        {
            using var junk = await client.SendAsync(Junk(0, peer), Ct);
        }

        // Well-formed, signed by a key the gateway does not trust.
        using var foreign = new TestTokens();
        using var forged = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", foreign.Create(), peer), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, forged.StatusCode);
    }

    [Fact]
    public async Task Refusals_GeoFromAbroad_ChargedToTheAddress()
    {
        await using var gateway = Limited();
        using var client = await ConnectedClientAsync(gateway);
        var statuses = new List<HttpStatusCode>();
        var abroad = "193.0.6.140"; // RIPE NCC, the Netherlands
        for (var i = 0; i < Burst + 2; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", peer: abroad), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(Burst), s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Refusals_GeoFromAbroadWithValidToken_ChargedToTheAddressThenTheToken()
    {
        // Geo refuses before the token step: the token is checked only once its address is spent.
        await using var gateway = Limited(new Dictionary<string, string?>
        {
            ["RateLimiting:Token:Burst"] = "2",
            ["RateLimiting:Token:PerSecond"] = "0.01",
        });
        using var client = await ConnectedClientAsync(gateway);
        var token = fixture.Tokens.Create();
        var statuses = new List<HttpStatusCode>();
        var abroad = "193.0.6.141"; // RIPE NCC, the Netherlands; not the other test's
        for (var i = 0; i < Burst + 3; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", token, abroad), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Forbidden, Burst + 2), HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Refusals_ScopeAndCompartmentWithValidToken_ChargedToTheToken()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            ["RateLimiting:Token:Burst"] = "3",
            ["RateLimiting:Token:PerSecond"] = "0.01",
        });
        using var client = await ConnectedClientAsync(gateway);
        var token = fixture.Tokens.Create(TestTokens.Claims(scope: "patient/Coverage.read"));
        var statuses = new List<HttpStatusCode>();
        foreach (var path in new[] { "/r4/Condition", "/r4/Patient/someone-else", "/r4/Observation", "/r4/Coverage" })
        {
            using var response = await client.SendAsync(GatewayFixture.Get(path, token), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Junk_SpoofedForwardedForFromUntrustedPeer_ChargedToThePeer()
    {
        await using var gateway = Limited();
        using var client = await ConnectedClientAsync(gateway);
        var peer = NewPeer();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Burst + 4; i++)
        {
            using var request = GatewayFixture.Get("/r4/Coverage", peer: peer);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", NewPeer());
            request.Headers.TryAddWithoutValidation("Forwarded", "for=" + NewPeer());
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    [Fact]
    public async Task Junk_SpreadOverOneIpv6Network_OneBucketForTheWholeSlash64()
    {
        await using var gateway = Limited();
        using var client = await ConnectedClientAsync(gateway);
        var network = "2001:db8:" + Random.Shared.Next(1, 0xffff).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + ":7:";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < Burst + 3; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", peer: network + (i + 1).ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "::1"), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Skip(Burst), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
        using var neighbour = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", peer: network.Replace(":7:", ":8:", StringComparison.Ordinal) + "1::1"), Ct);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, neighbour.StatusCode);
    }

    [Fact]
    public async Task Preflight_FromOneAddress_ChargedToItsOwnBucketNeverAWriteAttempt()
    {
        await using var gateway = Limited(new Dictionary<string, string?>
        {
            ["RateLimiting:Preflight:Burst"] = (Burst * 2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:Preflight:PerSecond"] = "0.01",
        });
        using var client = await ConnectedClientAsync(gateway);
        var peer = NewPeer();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < (Burst * 2) + 1; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Options, "/r4/Patient?page=" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(GatewayFactory.PeerHeader, peer);
            request.Headers.TryAddWithoutValidation("Origin", "https://app.example");
            request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "GET");
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
            using var response = await client.SendAsync(request, Ct);
            statuses.Add(response.StatusCode);
        }

        // More preflights than the address's burst are answered; past their own burst, 429.
        Assert.All(statuses.Take(Burst * 2), s => Assert.Equal(HttpStatusCode.NoContent, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        // They did not spend the address's bucket: the address's own requests still get their answers.
        using var discovery = await client.SendAsync(GatewayFixture.Get("/r4/.well-known/smart-configuration", peer: peer), Ct);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }
}
