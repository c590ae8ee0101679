using PatientAccess.AuthServer.Audit;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Tests.Integration.Audit;

[Collection(AuthTestGroup.Name)]
public sealed class AuditStreamTests(AuthBackends backends)
{
    [Fact]
    public async Task Launch_Events_AppendedToAuditStream()
    {
        var host = backends[AuthBackends.Sqlite];
        var app = new SmartApp(host);
        await app.LaunchAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(backends.Redis.ConnectionString);
        var db = redis.GetDatabase();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var entries = await db.StreamRangeAsync(AuditTrail.StreamKey);
            var text = string.Join("\n", entries.Select(e => string.Join(" ", e.Values.Select(f => $"{f.Name} {f.Value}"))));
            return text.Contains(AuditEventTypes.GrantApproved, StringComparison.Ordinal) && text.Contains(AuditEventTypes.TokenIssued, StringComparison.Ordinal)
                && !text.Contains(app.Secret, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Launch_RedisDown_StillIssuesTokens()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, redis: redis.ConnectionString);
        await redis.StopAsync();
        var started = DateTime.UtcNow;
        var tokens = await new SmartApp(host).LaunchAsync();
        Assert.NotNull(tokens["access_token"]);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    /// <summary>
    /// Issue 12 item 3: the stream is shared with the gateway, so the authserver must never trim
    /// it. The stream is filled past the old 1,000,000 cap first (MAXLEN ~ trims whole nodes of
    /// 100, so 1,000,250 entries would have lost at least 200); every entry must survive.
    /// </summary>
    [Fact]
    public async Task Launch_StreamAboveAnyCap_AuthServerAppendsWithoutTrimming()
    {
        await using var redisServer = await RedisServer.StartAsync();
        using var redis = await ConnectionMultiplexer.ConnectAsync(redisServer.ConnectionString);
        var db = redis.GetDatabase();
        const long Prefill = 1_000_250;
        for (var done = 0L; done < Prefill; done += 50_050)
        {
            await db.ScriptEvaluateAsync(
                "for i = 1, tonumber(ARGV[1]) do redis.call('XADD', KEYS[1], '*', 'type', 'gateway.request') end return 0",
                [AuditTrail.StreamKey], [Math.Min(50_050, Prefill - done)]);
        }

        var first = (await db.StreamRangeAsync(AuditTrail.StreamKey, count: 1))[0].Id;
        await using var host = await backends.FreshAsync(AuthBackends.Sqlite, redis: redisServer.ConnectionString);
        await new SmartApp(host).LaunchAsync();

        Assert.True(await Eventually.TrueAsync(async () => await db.StreamLengthAsync(AuditTrail.StreamKey) >= Prefill + 2, TimeSpan.FromSeconds(20)));
        var firstAfter = (await db.StreamRangeAsync(AuditTrail.StreamKey, count: 1))[0].Id;
        Assert.Equal(first, firstAfter);
        await db.KeyDeleteAsync(AuditTrail.StreamKey);
    }
}
