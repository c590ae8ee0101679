using Microsoft.Extensions.DependencyInjection;
using PatientAccess.Monitor.Retention;
using PatientAccess.Monitor.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Integration.Consumer;

/// <summary>
/// The consumer against a real redis-server, on SQLite and PostgreSQL: at least once, duplicates
/// dropped by event id, malformed entries dead-lettered without stopping, restarts resume, several
/// consumers share the group, a dead consumer's pending entries are claimed, and the retention purge.
/// </summary>
public sealed class AuditConsumerTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDatabase Redis => backends.RedisDatabase;

    private static IEnumerable<NameValueEntry[]> GatewayEvents(int count) =>
        Enumerable.Range(0, count).Select(_ => StreamEvents.Entry(StreamEvents.Gateway()));

    private async Task<long> PendingAsync(string stream) =>
        (await Redis.StreamPendingAsync(stream, "monitor")).PendingMessageCount;

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Consume_GatewayAndAuthServerEvents_AllStoredAndAcknowledged(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, GatewayEvents(120));
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, [StreamEvents.AuthServer("grant.approved"), StreamEvents.AuthServer("code.reused")]);

        Assert.True(await monitor.StoredAsync(122), "not every event was stored");
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(monitor.StreamKey) == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(122, await monitor.Store.CountAsync(Ct));
    }

    /// <summary>A spool replay or a claim after a crash appends or delivers an event again: stored once.</summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Consume_SameEventTwice_StoredOnce(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        var e = StreamEvents.Entry(StreamEvents.Gateway());
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, [e, .. GatewayEvents(3), e]);
        var marker = StreamEvents.Gateway();
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, [StreamEvents.Entry(marker)]);

        Assert.True(await monitor.StoredAsync(5));
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(monitor.StreamKey) == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(5, await monitor.Store.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Consume_MalformedEntries_DeadLetteredWithReasonAndTheRestStored(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        var bad = await StreamEvents.AppendAsync(Redis, monitor.StreamKey,
        [
            [new("id", "x1"), new("event", "{broken")],
            [new("junk", "1")],
        ]);
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, GatewayEvents(10));

        Assert.True(await monitor.StoredAsync(10));
        Assert.True(await Eventually.TrueAsync(async () => (await monitor.Store.DeadLettersAsync(Ct)).Count == 2, TimeSpan.FromSeconds(10)));
        var dead = await monitor.Store.DeadLettersAsync(Ct);
        Assert.Equal(bad, dead.Select(d => d.EntryId));
        Assert.Contains("not JSON", dead[0].Reason, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(monitor.StreamKey) == 0, TimeSpan.FromSeconds(10)), "a dead letter was not acknowledged");
    }

    /// <summary>
    /// The abuse: an outsider sends <c>?%00=1</c>, so the gateway's query shape holds a NUL, which
    /// PostgreSQL text refuses. The event is stored (NUL replaced) and the consumer goes on.
    /// </summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Consume_NulInAField_StoredAndTheConsumerGoesOn(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey,
            [StreamEvents.Entry(StreamEvents.Gateway(queryShape: "\0,patient", clientId: "app\0x")), .. GatewayEvents(3)]);

        Assert.True(await monitor.StoredAsync(4), "the batch with a NUL was not stored");
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(monitor.StreamKey) == 0, TimeSpan.FromSeconds(10)));
    }

    /// <summary>The group's position lives in Redis: a restarted monitor stores what came in while it was down, and nothing twice.</summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Restart_EventsWhileDown_StoredOnceAfterRestart(string backend)
    {
        var settings = await backends.NewSettingsAsync(backend);
        await using (var first = new MonitorFactory(settings))
        {
            await StreamEvents.AppendAsync(Redis, first.StreamKey, GatewayEvents(50));
            Assert.True(await first.StoredAsync(50));
        }

        var stream = settings["Audit:StreamKey"]!;
        await StreamEvents.AppendAsync(Redis, stream, GatewayEvents(30));
        await using var second = new MonitorFactory(settings);

        Assert.True(await second.StoredAsync(80));
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(stream) == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(80, await second.Store.CountAsync(Ct));
    }

    /// <summary>
    /// A consumer that died after reading (its entries delivered, never acknowledged) — here a
    /// consumer name that reads and vanishes, as a SIGKILLed monitor does: another takes them over
    /// after the idle time (XAUTOCLAIM), and stores each once.
    /// </summary>
    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Claim_DeadConsumersPendingEntries_TakenOverAndStored(string backend)
    {
        var settings = await backends.NewSettingsAsync(backend);
        var stream = settings["Audit:StreamKey"]!;
        await Redis.StreamCreateConsumerGroupAsync(stream, "monitor", "0-0", createStream: true);
        await StreamEvents.AppendAsync(Redis, stream, GatewayEvents(40));
        var taken = await Redis.StreamReadGroupAsync(stream, "monitor", "killed-monitor", StreamPosition.NewMessages, 40);
        Assert.Equal(40, taken.Length);

        await using var monitor = new MonitorFactory(settings, new Dictionary<string, string?> { ["Audit:ClaimIdleSeconds"] = "1" });
        await StreamEvents.AppendAsync(Redis, stream, GatewayEvents(5));

        Assert.True(await monitor.StoredAsync(45), "the dead consumer's entries were not claimed");
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(stream) == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(45, await monitor.Store.CountAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task TwoConsumers_ShareTheGroup_EveryEventStoredExactlyOnce(string backend)
    {
        var settings = await backends.NewSettingsAsync(backend);
        await using var one = new MonitorFactory(settings, new Dictionary<string, string?> { ["Audit:ConsumerName"] = "one", ["Audit:BatchSize"] = "7" });
        await using var two = new MonitorFactory(settings, new Dictionary<string, string?> { ["Audit:ConsumerName"] = "two", ["Audit:BatchSize"] = "7" });
        _ = one.Server;
        _ = two.Server;
        await StreamEvents.AppendAsync(Redis, one.StreamKey, GatewayEvents(300));

        Assert.True(await one.StoredAsync(300));
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(one.StreamKey) == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(300, await two.Store.CountAsync(Ct));
        var consumers = await Redis.StreamConsumerInfoAsync(one.StreamKey, "monitor");
        Assert.Equal(["one", "two"], consumers.Select(c => c.Name.ToString()).Order());
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Purge_ClockMovedPastRetention_OnlyOldEventsDeleted(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend), new Dictionary<string, string?> { ["Retention:MaxAge"] = "30.00:00:00" });
        var now = DateTimeOffset.UtcNow;
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey,
        [
            StreamEvents.Entry(StreamEvents.Gateway(time: now.AddDays(-20))),
            StreamEvents.Entry(StreamEvents.Gateway(time: now.AddDays(-5))),
            StreamEvents.Entry(StreamEvents.Gateway(time: now)),
        ]);
        Assert.True(await monitor.StoredAsync(3));
        var purge = monitor.Services.GetRequiredService<RetentionPurge>();

        Assert.Equal(0, await purge.PurgeOnceAsync(Ct));
        monitor.Time.Advance(TimeSpan.FromDays(15));
        Assert.Equal(1, await purge.PurgeOnceAsync(Ct));
        monitor.Time.Advance(TimeSpan.FromDays(12));
        Assert.Equal(1, await purge.PurgeOnceAsync(Ct));
        Assert.Equal(1, await monitor.Store.CountAsync(Ct));
    }

    /// <summary>Redis restarted (durable, as run.sh runs it): the consumer reconnects and stores what follows, nothing twice.</summary>
    [Fact]
    public async Task RedisRestart_ConsumerResumes_NoEventLostOrDuplicated()
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(MonitorBackends.Sqlite));
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, GatewayEvents(20));
        Assert.True(await monitor.StoredAsync(20));

        await backends.Redis.StopAsync();
        await backends.Redis.RestartAsync();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            try
            {
                await StreamEvents.AppendAsync(Redis, monitor.StreamKey, GatewayEvents(1));
                return true;
            }
            catch (RedisException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20)));
        await StreamEvents.AppendAsync(Redis, monitor.StreamKey, GatewayEvents(19));

        Assert.True(await monitor.StoredAsync(40), "events after the Redis restart were not stored");
        Assert.True(await Eventually.TrueAsync(async () => await PendingAsync(monitor.StreamKey) == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(40, await monitor.Store.CountAsync(Ct));
    }
}
