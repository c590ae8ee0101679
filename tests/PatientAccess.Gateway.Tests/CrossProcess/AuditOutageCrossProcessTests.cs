using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>
/// Redis dies (SIGKILL) and comes back while two gateway processes serve a steady trickle: every
/// request is still answered normally, and once the spools are replayed every request has exactly
/// one audit event in the stream.
/// </summary>
[Collection(CrossProcessGroup.Name)]
public sealed class AuditOutageCrossProcessTests(ITestOutputHelper output)
{
    private const string StreamKey = "patientaccess:audit";
    private const int Requests = 300;
    private const int RedisStopsBefore = 100;
    private const int RedisReturnsBefore = 200;

    /// <summary>About 10 s of traffic in all, so the outage spans a few seconds of it.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(30);

    /// <summary>The writers retry their spool every second; generous for a busy CI machine.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AuditStream_RedisKilledAndRestartedMidTraffic_EveryRequestAnsweredAndAuditedOnce()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync(durable: true);
        await using var backend = await FakeBackend.StartAsync(tokens);
        await using var replicas = await GatewayReplicas.StartAsync(2, redis.ConnectionString, backend, backend.Url, FakeBackend.FeedKey,
            new Dictionary<string, string>
            {
                // A command caught by the kill fails after this long rather than the default 2 s.
                ["Redis__TimeoutMilliseconds"] = "500",
                // The trickle must stay under every limit, shared or per-replica, so each answer can be a 200.
                ["RateLimiting__Client__Burst"] = "100000",
                ["RateLimiting__Client__PerSecond"] = "100000",
                ["RateLimiting__Token__Burst"] = "100000",
                ["RateLimiting__Token__PerSecond"] = "100000",
                ["Audit__StreamKey"] = StreamKey,
            });

        var token = tokens.Create();
        var requestIds = new List<string>(Requests);
        var abnormal = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            if (i == RedisStopsBefore)
            {
                await redis.StopAsync();
            }
            else if (i == RedisReturnsBefore)
            {
                await redis.RestartAsync();
            }

            using var request = GatewayReplicas.ReadOwnPatient(token);
            using var response = await replicas.Clients[i % replicas.Count].SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            // A normal answer is the store's: 200 with FHIR JSON; anything else (a 5xx of the gateway's own, a 429) is a failure.
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "application/fhir+json")
            {
                abnormal.Add($"request {i} to replica {i % replicas.Count}: {(int)response.StatusCode} {body}");
            }

            if (response.Headers.TryGetValues("X-Request-Id", out var ids))
            {
                requestIds.Add(ids.Single());
            }
            else
            {
                abnormal.Add($"request {i}: no X-Request-Id");
            }

            await Task.Delay(Pause, Ct);
        }

        Assert.True(abnormal.Count == 0, $"{abnormal.Count} abnormal answers:\n{string.Join('\n', abnormal.Take(20))}\n{replicas.Output()}");

        using var stream = new AuditStream(redis.ConnectionString, StreamKey);
        List<(string Id, JsonObject Event)> entries = [];
        var ours = requestIds.ToHashSet(StringComparer.Ordinal);
        var drained = await Eventually.TrueAsync(async () =>
        {
            entries = await stream.ReadAllAsync();
            var seen = entries.Select(e => (string?)e.Event["request_id"] ?? string.Empty).ToHashSet(StringComparer.Ordinal);
            return ours.IsSubsetOf(seen);
        }, DrainTimeout, TimeSpan.FromMilliseconds(250));

        // Duplicates a replay may cause carry the same event id: a consumer drops them, so does this count.
        var distinct = entries.DistinctBy(e => e.Id).ToList();
        var perRequest = distinct.GroupBy(e => (string?)e.Event["request_id"] ?? string.Empty).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var missing = requestIds.Where(id => !perRequest.ContainsKey(id)).ToList();
        var twice = requestIds.Where(id => perRequest.TryGetValue(id, out var n) && n > 1).ToList();
        var spooled = await SpooledEventsAsync(replicas);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Requests} requests, {requestIds.Count} request ids; stream entries {entries.Count}, distinct event ids {distinct.Count}, "
            + $"replayed duplicates dropped {entries.Count - distinct.Count}; missing {missing.Count}; audited twice {twice.Count}; events spooled {spooled}"));

        Assert.True(drained && missing.Count == 0, $"{missing.Count} requests have no audit event, e.g. {string.Join(", ", missing.Take(5))}:\n{replicas.Output()}");
        Assert.True(twice.Count == 0, $"{twice.Count} requests have more than one distinct audit event, e.g. {string.Join(", ", twice.Take(5))}");
        Assert.All(distinct.Where(e => ours.Contains((string?)e.Event["request_id"] ?? string.Empty)), e => Assert.Equal(200, (int)e.Event["status"]!));
        // The outage must really have sent events to the spools, or this test showed nothing.
        Assert.True(spooled > 0, $"no audit event went to a spool: the outage did not happen mid-traffic:\n{replicas.Output()}");
    }

    /// <summary>The replicas' own count of events written to the spool (<c>patientaccess_gateway_audit_events</c>, destination spool).</summary>
    private static async Task<double> SpooledEventsAsync(GatewayReplicas replicas)
    {
        double total = 0;
        foreach (var client in replicas.ManagementClients)
        {
            var text = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
            foreach (var line in text.Split('\n'))
            {
                if (line.StartsWith("patientaccess_gateway_audit_events", StringComparison.Ordinal)
                    && line.Contains("destination=\"spool\"", StringComparison.Ordinal)
                    && double.TryParse(line[(line.LastIndexOf(' ') + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    total += value;
                }
            }
        }

        return total;
    }
}
