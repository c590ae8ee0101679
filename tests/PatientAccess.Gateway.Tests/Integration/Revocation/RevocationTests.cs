using System.Diagnostics;
using System.Net;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Integration.Revocation;

/// <summary>Revocations from the feed at start and pushed over Redis while running.</summary>
public sealed class RevocationTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ClientRevokedBeforeStart_401FromFeedCatchUp()
    {
        var clientId = "feed-" + Guid.NewGuid().ToString("N");
        var token = fixture.Tokens.Create(TestTokens.Claims(clientId: clientId, issuedAt: DateTimeOffset.UtcNow.AddSeconds(-30)));
        fixture.Backend.Revoke(100 + Random.Shared.Next(1, 1000), "client", clientId, DateTimeOffset.UtcNow);
        await using var gateway = fixture.NewGateway();
        using var client = gateway.CreateClient();

        var refused = await Eventually.TrueAsync(async () =>
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", token), Ct);
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(10));

        Assert.True(refused);
    }

    [Fact]
    public async Task Get_TokenRevocationPushedOverRedis_401WithinOneSecond()
    {
        using var client = fixture.Gateway.CreateClient();
        var jti = Guid.NewGuid().ToString("N");
        var token = fixture.Tokens.Create(TestTokens.Claims(jti: jti));
        using (var before = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", token), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await Eventually.TrueAsync(async () => ((RedisResult[])(await fixture.RedisDatabase.ExecuteAsync("PUBSUB", "CHANNELS", "patientaccess:revocations"))!).Length > 0, TimeSpan.FromSeconds(10));
        var message = $$"""{"sequence":{{Random.Shared.Next(5000, 9000)}},"kind":"token","id":"{{jti}}","time":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}},"expires_at":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}""";
        var clock = Stopwatch.StartNew();
        await fixture.RedisDatabase.PublishAsync(RedisChannel.Literal("patientaccess:revocations"), message);
        var refused = await Eventually.TrueAsync(async () =>
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", token), Ct);
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(20));

        Assert.True(refused, $"still accepted after {clock.ElapsedMilliseconds} ms");
        using var other = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create()), Ct);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Get_GrantRevoked_TokensIssuedLaterStillWork()
    {
        var grant = "grant-" + Guid.NewGuid().ToString("N");
        fixture.Backend.Revoke(20_000 + Random.Shared.Next(1, 1000), "grant", grant, DateTimeOffset.UtcNow.AddMinutes(-1));
        await using var gateway = fixture.NewGateway();
        using var client = gateway.CreateClient();
        var old = fixture.Tokens.Create(TestTokens.Claims(grant: grant, issuedAt: DateTimeOffset.UtcNow.AddMinutes(-2)));
        var fresh = fixture.Tokens.Create(TestTokens.Claims(grant: grant));

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", old), Ct);
            return response.StatusCode == HttpStatusCode.Unauthorized;
        }, TimeSpan.FromSeconds(10)));
        using var freshResponse = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fresh), Ct);
        Assert.Equal(HttpStatusCode.OK, freshResponse.StatusCode);
    }
}
