using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using PatientAccess.Gateway.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Gateway.Tests.CrossProcess;

/// <summary>Two gateway processes and one redis-server share one client's token bucket.</summary>
[Collection(CrossProcessGroup.Name)]
public sealed class RateLimitCrossProcessTests(ITestOutputHelper output)
{
    /// <summary>
    /// One second's worth: a pause of the test process or a replica shorter than that (a busy CI
    /// machine has them) fills the bucket instead of losing allowance, so the count stays exact.
    /// </summary>
    private const int Burst = 50;
    private const double PerSecond = 50;
    private const double Tolerance = 0.05;
    private const int WorkersPerReplica = 2;

    /// <summary>Long enough that the sustained rate, not the burst, dominates the count.</summary>
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    /// <summary>A bound on each worker besides time, in case the gateways answer implausibly fast.</summary>
    private const int MaxRequestsPerWorker = 100_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ClientLimit_TwoReplicasOneRedis_AcceptedWithinFivePercentOfConfiguredRate()
    {
        using var tokens = new TestTokens();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await FakeBackend.StartAsync(tokens);
        await using var replicas = await GatewayReplicas.StartAsync(2, redis.ConnectionString, backend, backend.Url, FakeBackend.FeedKey,
            new Dictionary<string, string>
            {
                ["RateLimiting__Client__Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
                ["RateLimiting__Client__PerSecond"] = PerSecond.ToString(CultureInfo.InvariantCulture),
                // The token's own bucket must not be the one that binds: this test is about the client's.
                ["RateLimiting__Token__Burst"] = "1000000",
                ["RateLimiting__Token__PerSecond"] = "1000000",
                // The warm-up client gets a bucket of its own that warming up cannot exhaust.
                ["RateLimiting__Clients__warmup__Burst"] = "1000000",
                ["RateLimiting__Clients__warmup__PerSecond"] = "1000000",
            });

        // Warm up both replicas (JIT, key set, connections) with another client, so the measured client starts with a full bucket.
        var warmUp = tokens.Create(TestTokens.Claims(clientId: "warmup"));
        // One request per replica alone first, so each has its signing keys and Redis connection before the
        // concurrent warm-up (concurrent first requests once raced the key-set fetch; JwksCache.RefreshAsync fixed that).
        foreach (var client in replicas.Clients)
        {
            using var request = GatewayReplicas.ReadOwnPatient(warmUp);
            using var response = await client.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"warm-up answered {(int)response.StatusCode}:\n{replicas.Output()}");
        }

        // Then as many at once as the measurement uses, so every worker's connection is open before the clock starts.
        for (var round = 0; round < 20; round++)
        {
            var statuses = await Task.WhenAll(Enumerable.Range(0, replicas.Count * WorkersPerReplica).Select(async worker =>
            {
                using var request = GatewayReplicas.ReadOwnPatient(warmUp);
                using var response = await replicas.Clients[worker % replicas.Count].SendAsync(request, Ct);
                return response.StatusCode;
            }));
            Assert.True(statuses.All(s => s == HttpStatusCode.OK), $"warm-up answered {string.Join(", ", statuses)}:\n{replicas.Output()}");
        }

        var token = tokens.Create(TestTokens.Claims(clientId: "rate-app"));
        var accepted = new int[replicas.Count];
        var throttled = new int[replicas.Count];
        var unexpected = new ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, replicas.Count * WorkersPerReplica).Select(worker => Task.Run(async () =>
        {
            // Each worker alternates between the replicas, so neither sees a steady stream of its own.
            for (var sent = 0; sent < MaxRequestsPerWorker && clock.Elapsed < Duration; sent++)
            {
                var replica = (worker + sent) % replicas.Count;
                using var request = GatewayReplicas.ReadOwnPatient(token);
                using var response = await replicas.Clients[replica].SendAsync(request, Ct);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK:
                        Interlocked.Increment(ref accepted[replica]);
                        break;
                    case HttpStatusCode.TooManyRequests when response.Headers.RetryAfter is not null:
                        Interlocked.Increment(ref throttled[replica]);
                        break;
                    default:
                        unexpected.Enqueue($"replica {replica}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
                        break;
                }
            }
        }, Ct)).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;

        var total = accepted.Sum();
        var expected = Burst + (PerSecond * elapsed);
        var sustained = (total - Burst) / elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"elapsed {elapsed:F3} s; accepted {total} (replica 0: {accepted[0]}, replica 1: {accepted[1]}); throttled {throttled.Sum()}; "
            + $"expected {expected:F1} (burst {Burst} + {PerSecond}/s); sustained {sustained:F2}/s"));

        Assert.True(unexpected.IsEmpty, $"answers other than 200 or 429 with Retry-After:\n{string.Join('\n', unexpected.Take(20))}");
        // Both replicas took part, and the load was well above the limit, or the count proves nothing.
        Assert.All(accepted, a => Assert.True(a > 0, "a replica accepted nothing"));
        Assert.True(throttled.Sum() > total, $"the load was not well above the limit: {throttled.Sum()} throttled, {total} accepted");
        Assert.True(Math.Abs(sustained - PerSecond) <= PerSecond * Tolerance,
            string.Create(CultureInfo.InvariantCulture, $"sustained rate {sustained:F2}/s is not within 5% of {PerSecond}/s (accepted {total}, expected {expected:F1}):\n{replicas.Output()}"));
    }
}
