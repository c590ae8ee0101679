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
/// Issue 15: the audit stream is trimmed by what the monitor's consumer group acknowledged (stored),
/// never further but by the hard cap, a last resort whose every unacknowledged trim is counted
/// (issue 12, item 3); the group's lag is measured on each append. Real redis-server.
/// </summary>
public sealed class AuditTrimTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const int Cap = 1000;
    private const string Group = "monitor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IDatabase Redis => fixture.RedisDatabase;

    private static string NewStream() => "audit-trim-" + Guid.NewGuid().ToString("N");

    /// <summary>Appends through the gateway's own append and trim with the hard cap <see cref="Cap"/>: { added, trimmed, unread }.</summary>
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

    /// <summary>Appends with the hard cap off, as a deployment with <c>Audit:MaxStreamLength</c> 0 does.</summary>
    private async Task<AuditAppend> AppendUncappedAsync(string stream, int count)
    {
        var lines = Enumerable.Range(0, count).Select(i => (Guid.NewGuid().ToString("N"), "{\"request_id\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}")).ToList();
        var result = await AuditStream.AppendAsync(Redis, stream, 0, Group, lines);
        Assert.Null(result.TrimError);
        return result;
    }

    /// <summary>Issue 15: with no monitor group yet, nothing is trimmed (but by the hard cap), and the whole stream is lag.</summary>
    [Fact]
    public async Task Append_NoGroupAndNoCap_NothingTrimmedAndAllOfItLag()
    {
        var stream = NewStream();
        await AppendUncappedAsync(stream, 1500);
        var result = await AppendUncappedAsync(stream, 10);

        Assert.Equal(0, result.Trimmed);
        Assert.Equal(1510, await LengthAsync(stream));
        Assert.Equal(1510, result.LagEntries);
    }

    /// <summary>Issue 15: what the group acknowledged (stored) is trimmed; the rest stays, however long the stream.</summary>
    [Theory]
    [InlineData(1500, 1500)]
    [InlineData(1200, 700)]
    [InlineData(900, 0)]
    [InlineData(0, 0)]
    public async Task Append_GroupAcknowledgedSome_OnlyAcknowledgedEntriesTrimmed(int read, int acked)
    {
        var stream = NewStream();
        await AppendUncappedAsync(stream, 1500);
        await MonitorReadsAsync(stream, read, acked);
        var all = await Redis.StreamRangeAsync(stream);
        var result = await AppendUncappedAsync(stream, 10);

        Assert.Equal(0, result.Capped);
        Assert.Equal(0, result.Unread);
        // Every entry from the first unacknowledged one on is still there, in order.
        var left = await Redis.StreamRangeAsync(stream);
        var kept = all.Skip(acked).Select(e => e.Id.ToString()).ToList();
        Assert.Equal(kept, left.Select(e => e.Id.ToString()).Where(kept.Contains).ToList());
        Assert.Equal(1510 - result.Trimmed, left.Length);
        Assert.True(result.Trimmed <= acked, $"trimmed {result.Trimmed} with {acked} acknowledged");
        if (acked >= 1000)
        {
            // Whole nodes (100 entries by default) go: most of what was stored is gone.
            Assert.True(result.Trimmed >= acked - 100, $"trimmed only {result.Trimmed} of {acked}");
        }

        // Lag: the delivered but unacknowledged entries plus the undelivered ones.
        Assert.Equal(1510 - acked, result.LagEntries);
    }

    [Fact]
    public async Task Append_GroupCaughtUp_NoLag()
    {
        var stream = NewStream();
        await AppendUncappedAsync(stream, 50);
        await MonitorReadsAsync(stream, 50, 50);
        var result = await AuditStream.AppendAsync(Redis, stream, 0, Group, []);

        Assert.Equal(0, result.LagEntries);
        Assert.Equal(TimeSpan.Zero, result.Lag);
    }

    /// <summary>The lag in seconds is the age of the oldest unacknowledged entry, from its stream id (here one of 1970).</summary>
    [Fact]
    public async Task Append_OldUnacknowledgedEntry_LagIsItsAge()
    {
        var stream = NewStream();
        await Redis.StreamAddAsync(stream, "id", "old", messageId: "1000-1");
        await Redis.StreamCreateConsumerGroupAsync(stream, Group, "0-0");
        var result = await AppendUncappedAsync(stream, 5);

        Assert.Equal(6, result.LagEntries);
        Assert.True(result.Lag > TimeSpan.FromDays(365 * 50), $"lag {result.Lag}");
    }

    [Fact]
    public async Task Append_OverTheHardCapWithoutAGroup_EveryTrimmedEntryCountedUnread()
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
    /// The trim runs after the batch's own MULTI/EXEC: when Redis refuses it (here a negative cap,
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
        Assert.Contains("hard cap", result.TrimError, StringComparison.Ordinal);
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

    /// <summary>Past the hard cap with part of the stream stored: only the trimmed entries the group had not acknowledged count as lost.</summary>
    [Theory]
    [InlineData(150, 150)]
    [InlineData(250, 50)]
    [InlineData(600, 0)]
    public async Task Append_OverTheHardCapGroupPartlyRead_OnlyEntriesNotAcknowledgedCounted(int read, int acked)
    {
        var stream = NewStream();
        await AppendAsync(stream, Cap);
        await MonitorReadsAsync(stream, read, acked);
        var before = await LengthAsync(stream);
        var result = await AuditStream.AppendAsync(Redis, stream, Cap, Group,
            [.. Enumerable.Range(0, 300).Select(i => (Guid.NewGuid().ToString("N"), "{}"))]);

        // Delivered but unacknowledged entries are not stored yet: they count as lost too.
        Assert.True(result.Capped > 0, $"capped {result.Capped}");
        Assert.Equal(result.Capped - Math.Min(result.Capped, acked - result.Acknowledged), result.Unread);
        Assert.Equal(before + 300 - result.Trimmed, await LengthAsync(stream));
        Assert.True(await LengthAsync(stream) >= Cap);
    }

    /// <summary>A monitor outage is visible on the gateway: its metrics show the entries the group has not acknowledged and their age.</summary>
    [Fact]
    public async Task Requests_NoMonitorGroup_LagInTheGatewaysMetrics()
    {
        await using var factory = fixture.NewGateway();
        using var client = factory.CreateClient();
        using var management = factory.Server.CreateManagementClient();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(GatewayFixture.Get("/r4/Coverage", fixture.Tokens.Create()), Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        string text = string.Empty;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            text = await management.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
            return text.Split('\n').Any(l => l.StartsWith("patientaccess_gateway_audit_lag_entries ", StringComparison.Ordinal)
                && long.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture) >= 1);
        }, TimeSpan.FromSeconds(10)), text);
        Assert.Contains("patientaccess_gateway_audit_lag_seconds ", text, StringComparison.Ordinal);
        var promtool = await Promtool.CheckMetricsAsync(text);
        Assert.True(promtool.Ok, promtool.Report);
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
        bool Warned() => logs.Warnings.Any(w => w.Message.Contains($"audit events were trimmed from {factory.StreamKey} at its hard cap", StringComparison.Ordinal)
            && w.Message.Contains("before consumer group monitor stored them", StringComparison.Ordinal));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Warned()), TimeSpan.FromSeconds(10)), "no warning logged for the unread trim");
    }
}
