using PatientAccess.AuthServer.Audit;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Tests.Integration.Audit;

/// <summary>Reads the audit stream entries appended after it was opened, as the monitor would see them (field name to value).</summary>
internal sealed class AuditStream : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly RedisValue _mark;

    private AuditStream(ConnectionMultiplexer redis, RedisValue mark) => (_redis, _mark) = (redis, mark);

    public static async Task<AuditStream> OpenAsync(string connectionString)
    {
        var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var last = await redis.GetDatabase().StreamRangeAsync(AuditTrail.StreamKey, count: 1, messageOrder: Order.Descending);
        return new AuditStream(redis, last.Length == 0 ? "0-0" : last[0].Id);
    }

    public async Task<IReadOnlyList<Dictionary<string, string>>> EventsAsync()
    {
        var entries = await _redis.GetDatabase().StreamRangeAsync(AuditTrail.StreamKey, minId: "(" + _mark);
        return [.. entries.Select(e => e.Values.ToDictionary(v => v.Name.ToString(), v => v.Value.ToString(), StringComparer.Ordinal))];
    }

    /// <summary>The first event matching, waiting for the background writer; fails the test when none comes.</summary>
    public async Task<Dictionary<string, string>> WaitForAsync(string type, Func<Dictionary<string, string>, bool> match)
    {
        Dictionary<string, string>? found = null;
        await Eventually.TrueAsync(async () => (found = (await EventsAsync()).FirstOrDefault(e => e.GetValueOrDefault("type") == type && match(e))) is not null, TimeSpan.FromSeconds(10));
        var seen = string.Join("\n", (await EventsAsync()).Select(e => string.Join(" ", e.Select(p => p.Key + "=" + p.Value))));
        Assert.True(found is not null, $"no {type} event matched; the stream has:\n{seen}");
        return found!;
    }

    public async ValueTask DisposeAsync() => await _redis.DisposeAsync();
}
