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
            var entries = (RedisResult[])(await db.ScriptEvaluateAsync("return redis.call('XRANGE', KEYS[1], '-', '+')", [AuditTrail.StreamKey]))!;
            var text = string.Join("\n", entries.Select(e => string.Join(" ", ((RedisResult[])((RedisResult[])e!)[1]!).Select(f => (string)f!))));
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
}
