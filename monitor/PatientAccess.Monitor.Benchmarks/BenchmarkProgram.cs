using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PatientAccess.Data;
using PatientAccess.Monitor.Consumer;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Fhir;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Storage;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.Testing;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project monitor/PatientAccess.Monitor.Benchmarks -- [events] [batch]</c>:
/// fills a stream with gateway-shaped events (not timed), then consumes it with the monitor's own
/// batch processor and pipeline (XREADGROUP, parse, map to AuditEvent, serialize, one transaction per batch,
/// XACK; the next batch read and mapped while one is stored) until every event is stored, on SQLite (a file, WAL, synchronous FULL and NORMAL) and on PostgreSQL
/// (a fresh local cluster, which the test helper runs with fsync off), and prints events per second.
/// Also the mapping alone (parse + AuditEvent JSON), and what Firely's model and serializer would cost instead.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500;
        Console.WriteLine($"monitor benchmark: {events} events, batches of {batch}, {Environment.ProcessorCount} cores");
        MapOnly(Math.Min(events, 50_000));
        await using var redis = await RedisServer.StartAsync();
        using var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var folder = Directory.CreateTempSubdirectory("pa-monitor-bench-").FullName;
        try
        {
            await RunAsync(multiplexer.GetDatabase(), DatabaseProvider.Sqlite, string.Empty, folder, events, batch, "FULL");
            await RunAsync(multiplexer.GetDatabase(), DatabaseProvider.Sqlite, string.Empty, folder, events, batch, "NORMAL");
            await using var postgres = await PostgresServer.StartAsync();
            await RunAsync(multiplexer.GetDatabase(), DatabaseProvider.PostgreSql, await postgres.CreateDatabaseAsync("bench"), folder, events, batch, "FULL");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static void MapOnly(int count)
    {
        var entries = Enumerable.Range(0, count).Select(Entry).ToList();
        var parse = Stopwatch.StartNew();
        var sources = entries.Select(e => StreamEntryParser.Parse(e).Event!).ToList();
        parse.Stop();
        var direct = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var source in sources)
        {
            bytes += AuditEventMapper.ToRow(source).Json.Length;
        }

        direct.Stop();
        var firely = Stopwatch.StartNew();
        foreach (var source in sources.Take(count / 5))
        {
            _ = AuditEventMapper.ToFirelyRow(source);
        }

        firely.Stop();
        Console.WriteLine($"map only   : {count / (parse.Elapsed + direct.Elapsed).TotalSeconds,10:N0} events/s on one thread (parse + AuditEvent JSON; {bytes / count} bytes each)");
        Console.WriteLine($"  per event: parse {parse.Elapsed.TotalMicroseconds / count:F1} us, direct JSON {direct.Elapsed.TotalMicroseconds / count:F1} us, Firely model + serializer {firely.Elapsed.TotalMicroseconds / (count / 5):F1} us");
    }

    private static async Task RunAsync(IDatabase db, DatabaseProvider provider, string connection, string folder, int count, int batch, string synchronous)
    {
        var stream = "bench-" + provider + "-" + synchronous;
        for (var i = 0; i < count; i += 1000)
        {
            var adds = Enumerable.Range(i, Math.Min(1000, count - i)).Select(n => db.StreamAddAsync(stream, Entry(n).Values)).ToArray();
            await Task.WhenAll(adds);
        }

        await db.StreamCreateConsumerGroupAsync(stream, "monitor", "0-0");
        var databaseOptions = Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connection });
        var service = Options.Create(new ServiceOptions { DataDirectory = folder });
        var connections = new DbConnectionFactory(databaseOptions, service, new DatabaseFileName($"bench-{synchronous}.db"));
        using var schema = new MonitorSchema(connections);
        var store = new AuditStore(connections, schema, Options.Create(new AuditStoreOptions { SqliteSynchronous = synchronous }));
        using var meters = new Meters();
        var processor = new BatchProcessor(store, [], new MonitorMetrics(meters), Options.Create(new ConsumerOptions { StreamKey = stream, BatchSize = batch }),
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<BatchProcessor>.Instance);
        await store.CountAsync(CancellationToken.None); // the schema, outside the timing

        var pipeline = new BatchPipeline(processor);
        var watch = Stopwatch.StartNew();
        long stored = 0;
        while (stored < count)
        {
            var entries = await db.StreamReadGroupAsync(stream, "monitor", "bench", StreamPosition.NewMessages, batch);
            if (entries.Length == 0)
            {
                break;
            }

            // As the consumer does: the next batch read and mapped while this one is stored.
            stored += (await pipeline.RunAsync(db, entries, batch, () => db.StreamReadGroupAsync(stream, "monitor", "bench", StreamPosition.NewMessages, batch),
                () => true, CancellationToken.None)).Stored;
        }

        watch.Stop();
        var pending = (await db.StreamPendingAsync(stream, "monitor")).PendingMessageCount;
        var label = provider == DatabaseProvider.Sqlite ? $"{provider} {synchronous}" : provider.ToString();
        Console.WriteLine($"{label,-15}: {stored / watch.Elapsed.TotalSeconds,10:N0} events/s consumed and stored ({stored} in {watch.Elapsed.TotalSeconds:F1} s; {pending} left pending)");

        // The database's share: the same batches of rows mapped beforehand, stored on top of the first run's.
        var rows = Enumerable.Range(0, count / 2).Select(n => AuditEventMapper.ToRow(StreamEntryParser.Parse(Entry(n)).Event!)).ToList();
        var database = Stopwatch.StartNew();
        for (var i = 0; i < rows.Count; i += batch)
        {
            await store.StoreAsync(rows.GetRange(i, Math.Min(batch, rows.Count - i)), [], CancellationToken.None);
        }

        database.Stop();
        Console.WriteLine($"{label,-15}: {rows.Count / database.Elapsed.TotalSeconds,10:N0} events/s into the database alone (same batches, rows mapped beforehand)");
    }

    private static StreamEntry Entry(int n)
    {
        var e = new JsonObject
        {
            ["id"] = Guid.CreateVersion7().ToString("N"),
            ["time"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["request_id"] = "0HN" + n.ToString("D8", CultureInfo.InvariantCulture),
            ["client_id"] = "app-" + (n % 50).ToString(CultureInfo.InvariantCulture),
            ["member"] = "member-" + (n % 5000).ToString(CultureInfo.InvariantCulture),
            ["patient"] = "pat-" + (n % 5000).ToString(CultureInfo.InvariantCulture),
            ["method"] = "GET",
            ["route"] = n % 3 == 0 ? "/r4/{type}/{id}" : "/r4/{type}",
            ["resource_type"] = "ExplanationOfBenefit",
            ["query_shape"] = n % 3 == 0 ? string.Empty : "_count,patient",
            ["status"] = 200,
            ["bytes"] = 57_000,
            ["duration_ms"] = 4.2,
            ["client_address"] = "203.0.113." + (n % 250).ToString(CultureInfo.InvariantCulture),
            ["country"] = "US",
            ["decision"] = "allow",
            ["reason"] = null,
            ["token_id"] = "jti-" + (n % 20000).ToString(CultureInfo.InvariantCulture),
            ["replica"] = "gateway@bench:5000",
        };
        return new StreamEntry(n.ToString(CultureInfo.InvariantCulture) + "-0",
            [new NameValueEntry("id", (string)e["id"]!), new NameValueEntry("event", e.ToJsonString())]);
    }

    /// <summary>A meter factory without a host.</summary>
    private sealed class Meters : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options.Name, options.Version, options.Tags, this);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
