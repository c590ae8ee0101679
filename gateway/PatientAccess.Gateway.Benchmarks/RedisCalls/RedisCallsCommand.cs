using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Benchmarks.CommandLine;
using PatientAccess.Gateway.Observability;
using PatientAccess.Gateway.RateLimiting;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Benchmarks.RedisCalls;

/// <summary>
/// What a Redis call costs through the client the gateway is built with, and what the rate
/// limiter's batching and leases save on it: a sequential awaited INCR, INCRs with many in flight,
/// and rate-limit decisions through <see cref="SharedRateLimiter"/> one script call each, batched,
/// and batched with leases, and the same script one decision per call with many calls in flight
/// (no batching). Per case: decisions (or INCRs) per second, the client's and Redis'
/// CPU per operation, and Redis calls per operation (INFO). Cases are interleaved per round so a
/// noisy machine hits them alike; compare ratios within one run.
/// </summary>
internal static class RedisCallsCommand
{
    private static readonly BucketLimit Unlimited = BucketLimit.Of(1_000_000, 1_000_000);

    public static async Task<int> RunAsync(Arguments args)
    {
        var redis = args.Required("redis");
        var seconds = args.Int("seconds", 3, 1, 600);
        var concurrency = args.Int("concurrency", 32, 2, 4096);
        var tokens = args.Int("tokens", 1, 1, 4096);
        var rounds = args.Int("rounds", 3, 1, 100);
        args.RejectUnknown();

        using var admin = await ConnectionMultiplexer.ConnectAsync(redis + ",allowAdmin=true");
        var server = admin.GetServer(admin.GetEndPoints()[0]);
        using var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new GatewayMetrics((IMeterFactory)services.GetService(typeof(IMeterFactory))!);
        var duration = TimeSpan.FromSeconds(seconds);
        var client = FileVersionInfo.GetVersionInfo(typeof(ConnectionMultiplexer).Assembly.Location).ProductVersion;
        Console.Out.WriteLine(Invariant($"# StackExchange.Redis {client}, {Environment.ProcessorCount} cores, {seconds} s per case, {concurrency} in flight, {tokens} token(s)"));
        Console.Out.WriteLine(Invariant($"# cold connect (a new RedisConnection until its multiplexer is connected; the request path decides locally meanwhile), 5 tries: {string.Join(", ", await ColdConnectsAsync(redis, 5))} ms"));
        Console.Out.WriteLine("round\tcase\tops/s\tclient CPU µs/op\tRedis CPU µs/op\tRedis calls/op (INCR, EVAL, EVALSHA)");

        var cases = new (string Name, Func<Task<long>> Run)[]
        {
            ("INCR, sequential awaited", () => IncrementAsync(admin.GetDatabase(), 1, duration)),
            ("INCR, many in flight", () => IncrementAsync(admin.GetDatabase(), concurrency, duration)),
            ("decision, sequential awaited (one script call each)", () => DecideAsync(redis, metrics, 1, 1, 0, 1, duration)),
            ("decisions in flight, one script call each (BatchSize 1, LeaseSize 0)", () => DecideAsync(redis, metrics, concurrency, 1, 0, tokens, duration)),
            ("script calls in flight, one decision each (no batching, only the client's pipelining)", () => ScriptCallsAsync(admin.GetDatabase(), concurrency, tokens, duration)),
            ("decisions in flight, batched (BatchSize 128, LeaseSize 0)", () => DecideAsync(redis, metrics, concurrency, 128, 0, tokens, duration)),
            ("decisions in flight, batched + leases (BatchSize 128, LeaseSize 32: the default)", () => DecideAsync(redis, metrics, concurrency, 128, 32, tokens, duration)),
            // Contract 2: the app's bucket names its throttle key, as the gateway's does; none set (the usual case)...
            ("decisions in flight, batched, throttle key named but absent (BatchSize 128, LeaseSize 0)", () => DecideAsync(redis, metrics, concurrency, 128, 0, tokens, duration, Throttle.Absent)),
            ("decisions in flight, batched + leases, throttle key named but absent (the gateway's default)", () => DecideAsync(redis, metrics, concurrency, 128, 32, tokens, duration, Throttle.Absent)),
            // ...and one in force (set far above the load, so nothing is refused); a throttled app takes no leases.
            ("decisions in flight, batched + leases, throttle in force (no leases while throttled)", () => DecideAsync(redis, metrics, concurrency, 128, 32, tokens, duration, Throttle.Present)),
        };
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, run) in cases)
            {
                var (redisCpu, calls) = await RedisCountersAsync(server);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var ops = await run();
                var elapsed = clock.Elapsed;
                var clientCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var (redisCpuAfter, callsAfter) = await RedisCountersAsync(server);
                Console.Out.WriteLine(Invariant(
                    $"{round}\t{name}\t{ops / elapsed.TotalSeconds:0}\t{clientCpu.TotalMicroseconds / ops:0.0}\t{(redisCpuAfter - redisCpu) * 1e6 / ops:0.0}\t{(callsAfter - calls) / (double)ops:0.000}"));
            }
        }

        return 0;
    }

    private static async Task<List<long>> ColdConnectsAsync(string redis, int tries)
    {
        var result = new List<long>();
        for (var i = 0; i < tries; i++)
        {
            using var connection = new RedisConnection(Options.Create(new RedisOptions { ConnectionString = redis }), NullLogger<RedisConnection>.Instance);
            var clock = Stopwatch.StartNew();
            while (connection.CreatedMultiplexer is not { IsConnected: true })
            {
                await Task.Delay(1);
            }

            result.Add(clock.ElapsedMilliseconds);
        }

        return result;
    }

    private static async Task<long> IncrementAsync(IDatabase database, int inFlight, TimeSpan duration)
    {
        var key = "bench:incr:" + Guid.NewGuid().ToString("N");
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            long n = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                await database.StringIncrementAsync(key);
                n++;
            }

            return n;
        }));
        await database.KeyDeleteAsync(key);
        return counts.Sum();
    }

    /// <summary>Decisions for one app (a client bucket) and its tokens (a bucket each), as the gateway's chain charges them.</summary>
    private static async Task<long> DecideAsync(
        string redis, GatewayMetrics metrics, int inFlight, int batchSize, int leaseSize, int tokens, TimeSpan duration, Throttle throttle = Throttle.None)
    {
        using var connection = new RedisConnection(Options.Create(new RedisOptions { ConnectionString = redis }), NullLogger<RedisConnection>.Instance);
        var limiter = new SharedRateLimiter(connection, new LocalRateLimiter(TimeProvider.System),
            Options.Create(new RateLimitOptions { BatchSize = batchSize, LeaseSize = leaseSize }), metrics, TimeProvider.System, NullLogger<SharedRateLimiter>.Instance);
        var run = Guid.NewGuid().ToString("N");
        var throttleKey = throttle == Throttle.None ? null : $"bench:{run}:throttle";
        var client = new RateLimitBucket($"bench:{run}:client", Unlimited, throttleKey);
        var buckets = Enumerable.Range(0, tokens).Select(t => new[] { client, new RateLimitBucket($"bench:{run}:token:{t}", Unlimited) }).ToArray();
        if (throttle == Throttle.Present)
        {
            using var admin = await ConnectionMultiplexer.ConnectAsync(redis);
            await admin.GetDatabase().HashSetAsync(throttleKey, [new HashEntry("per_second", "999999"), new HashEntry("burst", "999999")]);
            await admin.GetDatabase().KeyExpireAsync(throttleKey, duration + TimeSpan.FromSeconds(30));
        }

        // Connected first, as a running gateway is: until then the limiter decides locally.
        while ((await limiter.DecideAsync(buckets[0])).Local)
        {
            await Task.Delay(50);
        }

        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            long n = 0;
            while (Stopwatch.GetTimestamp() < end)
            {
                var decision = await limiter.DecideAsync(buckets[worker % tokens]);
                if (!decision.Allowed || decision.Local)
                {
                    throw new InvalidOperationException("a decision was refused or made locally: the measurement is void");
                }

                n++;
            }

            return n;
        }));
        return counts.Sum();
    }

    /// <summary>
    /// The token-bucket script with one decision per call and many calls in flight, straight on
    /// the multiplexer: what the rate limiter would cost without its batching, on this client.
    /// </summary>
    private static async Task<long> ScriptCallsAsync(IDatabase database, int inFlight, int tokens, TimeSpan duration)
    {
        var run = Guid.NewGuid().ToString("N");
        var client = new RateLimitBucket($"bench:{run}:client", Unlimited);
        var calls = Enumerable.Range(0, tokens)
            .Select(t => new TokenBucketBatch([new PendingDecision([client, new RateLimitBucket($"bench:{run}:token:{t}", Unlimited)], null, 0)]))
            .ToArray();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var counts = await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async worker =>
        {
            long n = 0;
            var call = calls[worker % tokens];
            while (Stopwatch.GetTimestamp() < end)
            {
                var result = (RedisResult[])(await database.ScriptEvaluateAsync(TokenBucketScript.Source, call.Keys, call.Values))!;
                if (!call.Decision(result, 0).Allowed)
                {
                    throw new InvalidOperationException("a decision was refused: the measurement is void");
                }

                n++;
            }

            return n;
        }));
        return counts.Sum();
    }

    private enum Throttle
    {
        None,
        Absent,
        Present,
    }

    /// <summary>Redis' CPU seconds (user + system) and the INCR and script calls so far.</summary>
    private static async Task<(double Cpu, long Calls)> RedisCountersAsync(IServer server)
    {
        var info = (await server.InfoAsync("cpu")).Concat(await server.InfoAsync("commandstats")).SelectMany(g => g).ToList();
        double Value(string key) => double.Parse(info.First(p => p.Key == key).Value, CultureInfo.InvariantCulture);
        // Only what the client sent: the commands a script runs are counted in commandstats too.
        var calls = info.Where(p => p.Key is "cmdstat_eval" or "cmdstat_evalsha" or "cmdstat_incr")
            .Sum(p => long.Parse(p.Value.Split(',')[0].Split('=')[1], CultureInfo.InvariantCulture));
        return (Value("used_cpu_user") + Value("used_cpu_sys"), calls);
    }

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
