using System.Net;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.Integration.Audit;

/// <summary>Audit events survive a Redis outage: spooled meanwhile, replayed in order, the gateway answering throughout.</summary>
public sealed class AuditWriterTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Requests_RedisStoppedAndRestarted_NoEventLostAndOrderKept()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var gateway = new GatewayFactory(redis.ConnectionString, fixture.Backend);
        using var client = gateway.CreateClient();
        var ids = new List<string>();
        async Task SendAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create()), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                ids.Add(response.Headers.GetValues("X-Request-Id").Single());
            }
        }

        await SendAsync(5);
        await redis.StopAsync();
        await SendAsync(10);
        await Task.Delay(500, Ct);
        Assert.True(File.Exists(Path.Combine(gateway.DataDirectory, "gateway-audit.spool")));
        await redis.RestartAsync();
        await SendAsync(5);

        // The restarted Redis is empty (no persistence): the spooled events and the new ones must all arrive.
        var expected = ids.Skip(5).ToList();
        List<string> seen = [];
        var complete = await Eventually.TrueAsync(async () =>
        {
            using var mux = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var reader = new GatewayFixtureReader(mux.GetDatabase(), gateway.StreamKey);
            seen = await reader.RequestIdsAsync();
            return expected.All(seen.Contains);
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(250));

        Assert.True(complete, $"missing: {string.Join(",", expected.Except(seen))}");
        Assert.Equal(expected, seen.Where(expected.Contains).ToList());
    }
}
