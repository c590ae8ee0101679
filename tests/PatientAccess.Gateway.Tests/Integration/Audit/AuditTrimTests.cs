using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PatientAccess.Gateway.Audit;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Tests.Integration.Audit;

/// <summary>
/// Issue 12, item 3: the audit stream's one cap is a safety valve; every trimmed entry the
/// monitor's consumer group had not acknowledged is counted, none silently lost. Real redis-server.
/// </summary>
public sealed class AuditTrimTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Cap = 1000;
    private const string Group = "monitor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDatabase Redis => fixture.RedisDatabase;

    private static string NewStream() => "audit-trim-" + Guid.NewGuid().ToString("N");

    /// <summary>Appends through the gateway's own append and trim, as its writer does: { added, trimmed, unread }.</summary>
    private async Task<(long Added, long Trimmed, long Unread)> AppendAsync(string stream, int count)
    {
        var lines = new List<(string Id, string Line)>();
        for (var i = 0; i < count; i++)
        {
            lines.Add((Guid.NewGuid().ToString("N"), "{\"request_id\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}"));
        }

        var result = await AuditStream.AppendAsync(Redis, stream, Cap, Group, lines);
        Assert.Null(result.TrimError);
        return (result.Added, result.Trimmed, result.Unread);
    }

    private async Task<long> LengthAsync(string stream) => await Redis.StreamLengthAsync(stream);

    /// <summary>The monitor: creates its group at the start, reads <paramref name="read"/> entries and acknowledges the first <paramref name="acked"/>.</summary>
    private async Task MonitorReadsAsync(string stream, int read, int acked)
    {
        await Redis.ScriptEvaluateAsync("""
            redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[1], '0')
            if tonumber(ARGV[2]) == 0 then return 0 end
            local got = redis.call('XREADGROUP', 'GROUP', ARGV[1], 'm1', 'COUNT', ARGV[2], 'STREAMS', KEYS[1], '>')
            local entries = got[1][2]
            for i = 1, tonumber(ARGV[3]) do
              redis.call('XACK', KEYS[1], ARGV[1], entries[i][1])
            end
            return #entries
            """, [stream], [Group, read, acked]);
    }

    [Fact]
    public async Task Append_OverTheCapWithoutAGroup_EveryTrimmedEntryCountedUnread()
    {
        var stream = NewStream();
        await AppendAsync(stream, Cap);
        var (added, trimmed, unread) = await AppendAsync(stream, 300);

        Assert.Equal(300, added);
        Assert.True(trimmed > 0, "nothing was trimmed beyond the cap");
        Assert.Equal(trimmed, unread);
        Assert.InRange(await LengthAsync(stream), Cap, Cap + 300 - 1);
    }

    /// <summary>
    /// The trim runs after the batch's own MULTI/EXEC: when Redis refuses it (here a cap it rejects,
    /// which the options never allow), the events are on the stream all the same and the error comes
    /// back to be logged, so the writer does not spool the batch and append it twice.
    /// </summary>
    [Fact]
    public async Task Append_TrimRefusedByRedis_EventsAppendedAndTheErrorReported()
    {
        var stream = NewStream();
        var lines = Enumerable.Range(0, 5).Select(i => (Guid.NewGuid().ToString("N"), "{\"request_id\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}")).ToList();

        var result = await AuditStream.AppendAsync(Redis, stream, -1, Group, lines);

        Assert.Equal(5, result.Added);
        Assert.Contains("MAXLEN", result.TrimError, StringComparison.Ordinal);
        var entries = await Redis.StreamRangeAsync(stream);
        Assert.Equal(lines.Select(l => l.Item1), entries.Select(e => (string)e["id"]!));
    }

    [Fact]
    public async Task Append_UnderTheCap_NothingTrimmed()
    {
        var stream = NewStream();
        var (_, trimmed, unread) = await AppendAsync(stream, Cap);

        Assert.Equal((0, 0), (trimmed, unread));
        Assert.Equal(Cap, await LengthAsync(stream));
    }

    [Fact]
    public async Task Append_GroupAcknowledgedEverything_TrimNotCounted()
    {
        var stream = NewStream();
        await AppendAsync(stream, Cap);
        await MonitorReadsAsync(stream, Cap, Cap);
        var (_, trimmed, unread) = await AppendAsync(stream, 300);

        Assert.True(trimmed > 0);
        Assert.Equal(0, unread);
    }

    [Theory]
    [InlineData(150, 150)]
    [InlineData(250, 50)]
    [InlineData(600, 0)]
    public async Task Append_GroupPartlyRead_OnlyEntriesNotAcknowledgedCounted(int read, int acked)
    {
        var stream = NewStream();
        await AppendAsync(stream, Cap);
        await MonitorReadsAsync(stream, read, acked);
        var (_, trimmed, unread) = await AppendAsync(stream, 300);

        // Delivered but unacknowledged entries are not stored yet: they count as lost too.
        Assert.True(trimmed > acked, $"trimmed {trimmed}");
        Assert.Equal(trimmed - acked, unread);
    }

    [Fact]
    public async Task Requests_StreamOverTheCap_UnreadTrimsInTheGatewaysMetric()
    {
        await using var factory = fixture.NewGateway(new Dictionary<string, string?> { ["Audit:MaxStreamLength"] = Cap.ToString(CultureInfo.InvariantCulture) });
        var logs = new CapturedLogs();
        await using var gateway = factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(logs)));
        using var client = gateway.CreateClient();
        var meters = gateway.Services.GetRequiredService<IMeterFactory>();
        long unread = 0;
        long trimmed = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name.StartsWith("patientaccess.gateway.audit.trimmed", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            Interlocked.Add(ref instrument.Name.EndsWith(".unread", StringComparison.Ordinal) ? ref unread : ref trimmed, value));
        listener.Start();

        // Another producer's events (the authserver appends without a cap of its own) fill the stream past the cap.
        await Redis.ScriptEvaluateAsync("""
            for i = 1, tonumber(ARGV[1]) do
              redis.call('XADD', KEYS[1], '*', 'id', 'other-' .. i, 'event', '{}')
            end
            return 0
            """, [factory.StreamKey], [Cap + 150]);
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create()), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Interlocked.Read(ref unread) > 0), TimeSpan.FromSeconds(10)),
            "the gateway trimmed no unread entry, or did not count it");
        Assert.Equal(Interlocked.Read(ref trimmed), Interlocked.Read(ref unread));
        Assert.True(await LengthAsync(factory.StreamKey) >= Cap);
        // The warning follows the count (logged after it, and at once only for the first trim): wait for
        // it, and it names the unread entries of that first trim.
        bool Warned() => logs.Warnings.Any(w => w.Message.Contains($"audit events were trimmed from {factory.StreamKey}", StringComparison.Ordinal)
            && w.Message.Contains("before consumer group monitor read them", StringComparison.Ordinal));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Warned()), TimeSpan.FromSeconds(10)), "no warning logged for the unread trim");
    }
}
