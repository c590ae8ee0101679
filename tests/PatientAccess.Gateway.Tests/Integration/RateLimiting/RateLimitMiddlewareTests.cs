using System.Net;
using PatientAccess.Gateway.Tests.Support;

namespace PatientAccess.Gateway.Tests.Integration.RateLimiting;

/// <summary>Step 6: per-client and per-token buckets in Redis, per-address for public paths, the Redis-down policies.</summary>
public sealed class RateLimitMiddlewareTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ClientOverBurst_429WithRetryAfterAndRateLimitHeaders()
    {
        var clientId = "burst-" + Guid.NewGuid().ToString("N");
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?>
        {
            [$"RateLimiting:Clients:{clientId}:Burst"] = "5",
            [$"RateLimiting:Clients:{clientId}:PerSecond"] = "0.5",
        });
        using var client = gateway.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last?.Dispose();
            last = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(TestTokens.Claims(clientId: clientId))), Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.True(last!.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal("\"client\";q=5;w=10", last.Headers.GetValues("RateLimit-Policy").Single());
        Assert.StartsWith("\"client\";r=0;t=", last.Headers.GetValues("RateLimit").Single(), StringComparison.Ordinal);
        var audit = await fixture.AuditEventAsync(gateway, last.Headers.GetValues("X-Request-Id").Single());
        Assert.Equal("rate-limit", (string?)audit?["reason"]);
        last.Dispose();
    }

    [Fact]
    public async Task Get_OneTokenOverItsBucket_429EvenWithClientAllowanceLeft()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["RateLimiting:Token:Burst"] = "3", ["RateLimiting:Token:PerSecond"] = "0.1" });
        using var client = gateway.CreateClient();
        var token = fixture.Tokens.Create(TestTokens.Claims(clientId: "tok-" + Guid.NewGuid().ToString("N")));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", token), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Get_PublicPathFromOneAddress_LimitedPerAddress()
    {
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["RateLimiting:Address:Burst"] = "2", ["RateLimiting:Address:PerSecond"] = "0.1" });
        using var client = gateway.CreateClient();
        var peer = "10.9." + Random.Shared.Next(0, 255) + "." + Random.Shared.Next(1, 255);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/.well-known/smart-configuration", peer: peer), Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Get_RegistryLimitForClient_AppliedAfterLookup()
    {
        var clientId = "registry-" + Guid.NewGuid().ToString("N");
        fixture.Backend.RegistryLimits[clientId] = (2, 0.1);
        await using var gateway = fixture.NewGateway(new Dictionary<string, string?> { ["RateLimiting:UseClientRegistry"] = "true" });
        using var client = gateway.CreateClient();
        using (var first = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(TestTokens.Claims(clientId: clientId))), Ct))
        {
            Assert.Equal("\"client\";q=100;w=5", first.Headers.GetValues("RateLimit-Policy").Single());
        }

        var applied = await PatientAccess.Testing.Eventually.TrueAsync(async () =>
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create(TestTokens.Claims(clientId: clientId))), Ct);
            return response.Headers.GetValues("RateLimit-Policy").Single() == "\"client\";q=2;w=20";
        }, TimeSpan.FromSeconds(5));
        Assert.True(applied);
    }
}
