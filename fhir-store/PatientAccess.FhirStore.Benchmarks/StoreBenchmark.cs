using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PatientAccess.Data;
using PatientAccess.FhirStore.Api;
using PatientAccess.FhirStore.Storage.Sql;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.FhirStore.Import;
using PatientAccess.FhirStore.Search;
using PatientAccess.FhirStore.Seed;
using PatientAccess.FhirStore.Storage;
using PatientAccess.MemberContext;
using PatientAccess.ServiceDefaults;

namespace PatientAccess.FhirStore.Benchmarks;

/// <summary>
/// Imports the synthetic plan, then times a member's typical reads: the first and the next
/// page of their claims, their Patient, their Coverage — in-process against the storage
/// interface and over HTTP through the real endpoints with a signed member context.
/// </summary>
internal static class StoreBenchmark
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("benchmark-member-context-key-32b");

    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchmarkOptions.Parse(args, Console.Error);
        if (options is null)
        {
            return 2;
        }

        await using var app = await StartStoreAsync(options);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"## fhir-store, {options.Provider}, {options.Members} members (seed {options.Seed}), {Environment.ProcessorCount} cores");
        if (!options.SkipImport)
        {
            Breakdown(app, options, report);
        }

        var patients = options.SkipImport ? await PatientIdsAsync(app) : await ImportAsync(app, options, report);
        var random = new Random(42);
        var sample = Enumerable.Range(0, options.Queries).Select(_ => patients[random.Next(patients.Count)]).ToList();
        report.AppendLine();
        report.AppendLine("| operation | n | p50 ms | p90 ms | p99 ms | max ms |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var row in await InProcessAsync(app, sample))
        {
            report.AppendLine(row);
        }

        foreach (var row in await OverHttpAsync(app, sample))
        {
            report.AppendLine(row);
        }

        using var process = Process.GetCurrentProcess();
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Memory: peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB, managed heap after a full GC {GC.GetTotalMemory(true) / 1048576.0:0} MiB."));
        Console.WriteLine(report);
        return 0;
    }

    private static async Task<WebApplication> StartStoreAsync(BenchmarkOptions options)
    {
        var port = FreePort();
        // The management listener (/metrics, /health) needs a port of its own; the kernel may reoffer the first.
        var management = FreePort();
        while (management == port)
        {
            management = FreePort();
        }

        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Service:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Service:ManagementPort"] = management.ToString(CultureInfo.InvariantCulture),
            ["Service:DataDirectory"] = options.DataDirectory,
            ["Database:Provider"] = options.Provider == "postgres" ? "PostgreSql" : "Sqlite",
            ["Database:ConnectionString"] = options.Connection ?? string.Empty,
            ["Access:MemberContextKeys:0"] = Convert.ToBase64String(Key),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddServiceDefaults();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddFhirStore();
        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapFhirApi();
        await app.StartAsync();
        return app;
    }

    // Import as an operator would: the generated plan is written to NDJSON files first (not
    // timed), then loaded through the same importer the CLI and $import use (timed).
    private static async Task<List<string>> ImportAsync(WebApplication app, BenchmarkOptions options, StringBuilder report)
    {
        var folder = Path.Combine(options.DataDirectory, "ndjson");
        NdjsonExporter.WriteFiles(new SyntheticDataOptions { Members = options.Members, Seed = options.Seed }, folder);
        var files = Directory.GetFiles(folder, "*.ndjson").Order(StringComparer.Ordinal).ToList();
        var streams = files.Select(f => (Path.GetFileName(f), (Stream)File.OpenRead(f), (string?)Path.GetFileNameWithoutExtension(f))).ToList();
        var started = Stopwatch.GetTimestamp();
        var importReport = await app.Services.GetRequiredService<NdjsonImporter>().ImportAsync(streams, CancellationToken.None);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var (_, stream, _) in streams)
        {
            await stream.DisposeAsync();
        }

        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Import from {files.Count} NDJSON files ({files.Sum(f => new FileInfo(f).Length) / 1048576.0:0} MiB): {importReport.Summary} in {seconds:0.0} s = {importReport.Stored / seconds:0} resources/s (reading, validation, indexing and writing)."));
        Directory.Delete(folder, recursive: true);
        return await PatientIdsAsync(app);
    }

    // Where import time goes, on the first 20,000 resources: generating, then checking and indexing.
    private static void Breakdown(WebApplication app, BenchmarkOptions options, StringBuilder report)
    {
        var generator = new SyntheticDataGenerator(new SyntheticDataOptions { Members = options.Members, Seed = options.Seed });
        var started = Stopwatch.GetTimestamp();
        var lines = generator.Generate().Take(20_000).Select(r => Encoding.UTF8.GetString(r.ToUtf8Bytes())).ToList();
        var generated = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var preparer = app.Services.GetRequiredService<ResourcePreparer>();
        started = Stopwatch.GetTimestamp();
        var resources = lines.Select(l => preparer.Prepare(l).Resource!).ToList();
        var prepared = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var entries = resources.Sum(r => r.Entries.Count);

        // Writing alone, into a scratch database of the same kind, then emptied again.
        var scratch = new SqlResourceStore(
            new DbConnectionFactory(Options.Create(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }),
                Options.Create(new ServiceOptions { DataDirectory = Path.Combine(options.DataDirectory, "scratch") }), new DatabaseFileName("scratch.db")),
            new SqliteDialect(), TimeProvider.System, app.Services.GetRequiredService<AccessFacts>());
        scratch.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        started = Stopwatch.GetTimestamp();
        foreach (var batch in resources.Chunk(500))
        {
            scratch.UpsertAsync(batch, CancellationToken.None).GetAwaiter().GetResult();
        }

        var written = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Directory.Delete(Path.Combine(options.DataDirectory, "scratch"), recursive: true);
        report.AppendLine();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Breakdown on {lines.Count} resources, one thread each: generation {lines.Count / generated:0}/s; validation and indexing {lines.Count / prepared:0}/s ({entries / (double)lines.Count:0.0} index entries each); writing to SQLite {lines.Count / written:0}/s."));
    }

    private static async Task<List<string>> PatientIdsAsync(WebApplication app)
    {
        var store = app.Services.GetRequiredService<IResourceStore>();
        var parser = app.Services.GetRequiredService<SearchParser>();
        var query = parser.Parse("Patient", [new("_count", "500")], strict: true).Query!;
        var ids = new List<string>();
        for (PageCursor? cursor = null; ;)
        {
            var page = await store.SearchAsync(query with { After = cursor }, AccessScope.Everything, CancellationToken.None);
            ids.AddRange(page.Matches.Select(m => m.Id));
            if ((cursor = page.Next) is null)
            {
                return ids;
            }
        }
    }

    private static async Task<IEnumerable<string>> InProcessAsync(WebApplication app, List<string> sample)
    {
        var store = app.Services.GetRequiredService<IResourceStore>();
        var parser = app.Services.GetRequiredService<SearchParser>();
        var first = new LatencyRecorder("in-process: ExplanationOfBenefit?patient=X&_count=50 (first page)");
        // Members have fewer than 50 claims each, so the next page is timed on pages of 10.
        var next = new LatencyRecorder("in-process: next page of ExplanationOfBenefit?patient=X&_count=10");
        var read = new LatencyRecorder("in-process: Patient/X read");
        var coverage = new LatencyRecorder("in-process: Coverage?beneficiary=X");
        foreach (var patient in sample.Take(50).Concat(sample))
        {
            var scope = AccessScope.ForMember([patient], [], ["*"], ["*"]);
            var eob = parser.Parse("ExplanationOfBenefit", [new("patient", patient), new("_count", "50")], true).Query!;
            await first.TimeAsync(() => store.SearchAsync(eob, scope, CancellationToken.None));
            var small = eob with { Count = 10 };
            if ((await store.SearchAsync(small, scope, CancellationToken.None)).Next is { } cursor)
            {
                await next.TimeAsync(() => store.SearchAsync(small with { After = cursor }, scope, CancellationToken.None));
            }

            await read.TimeAsync(() => store.ReadAsync("Patient", patient, scope, CancellationToken.None));
            var cov = parser.Parse("Coverage", [new("beneficiary", patient)], true).Query!;
            await coverage.TimeAsync(() => store.SearchAsync(cov, scope, CancellationToken.None));
        }

        return [first.Row(), next.Row(), read.Row(), coverage.Row()];
    }

    private static async Task<IEnumerable<string>> OverHttpAsync(WebApplication app, List<string> sample)
    {
        var codec = new MemberContextCodec([Key]);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var first = new LatencyRecorder("HTTP: ExplanationOfBenefit?patient=X&_count=50 (first page)");
        var next = new LatencyRecorder("HTTP: next page of ExplanationOfBenefit?patient=X&_count=10");
        var read = new LatencyRecorder("HTTP: Patient/X read");
        var coverage = new LatencyRecorder("HTTP: Coverage?beneficiary=X");
        foreach (var patient in sample.Take(50).Concat(sample))
        {
            async Task<string> Get(string target)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, target);
                request.Headers.Add(MemberContextCodec.HeaderName, codec.Sign(new MemberContext.MemberContext([patient], [], ["*"], ["*"], "bench", DateTimeOffset.UtcNow.AddMinutes(1)), "GET", target));
                using var response = await http.SendAsync(request);
                return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : throw new InvalidOperationException($"{target}: {(int)response.StatusCode}");
            }

            await first.TimeAsync(() => Get($"/r4/ExplanationOfBenefit?patient={patient}&_count=50"));
            if (NextLink(await Get($"/r4/ExplanationOfBenefit?patient={patient}&_count=10")) is { } link)
            {
                await next.TimeAsync(() => Get(new Uri(link).PathAndQuery));
            }

            await read.TimeAsync(() => Get($"/r4/Patient/{patient}"));
            await coverage.TimeAsync(() => Get($"/r4/Coverage?beneficiary={patient}"));
        }

        return [first.Row(), next.Row(), read.Row(), coverage.Row()];
    }

    private static string? NextLink(string bundle)
    {
        using var document = JsonDocument.Parse(bundle);
        return document.RootElement.GetProperty("link").EnumerateArray()
            .Where(l => l.GetProperty("relation").GetString() == "next")
            .Select(l => l.GetProperty("url").GetString())
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
