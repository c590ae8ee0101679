using System.Text;
using PatientAccess.Fhir.Search;
using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Import;

/// <summary>
/// Bulk load from NDJSON: each line is checked on its own (a bad line is reported and
/// skipped, never stopping or corrupting the rest), good lines are upserted by id in
/// batches of one transaction each, and references to resources that exist nowhere are
/// reported once the whole input is in (so order within the input does not matter).
/// </summary>
public sealed class NdjsonImporter(ResourcePreparer preparer, IResourceStore store, TimeProvider clock)
{
    // Large enough that per-batch costs (a transaction, a COPY per table on PostgreSQL) vanish,
    // small enough that a batch in flight stays a few megabytes.
    private const int BatchSize = 1000;
    private const int MaxLineBytes = 8 * 1024 * 1024;

    public async Task<ImportReport> ImportAsync(IEnumerable<(string Source, Stream Content, string? ExpectedType)> inputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return await ImportAsync(ReadLinesAsync(inputs, cancellationToken), cancellationToken);
    }

    /// <summary>The same, for resources already in memory (the synthetic data generator).</summary>
    public async Task<ImportReport> ImportAsync(IAsyncEnumerable<ImportInput> lines, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var report = new ImportReport();
        var references = new Dictionary<(string Type, string Id), string>();
        var pending = new List<ImportInput>(BatchSize);
        // Checking and indexing one batch (all cores) overlaps with writing the one before.
        var writing = Task.FromResult<BatchResult?>(null);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            pending.Add(line);
            if (pending.Count == BatchSize)
            {
                writing = await StageAsync([.. pending], writing, report, references, cancellationToken);
                pending.Clear();
            }
        }

        writing = await StageAsync([.. pending], writing, report, references, cancellationToken);
        Count(await writing, report);
        if (report.Created + report.Updated > 0)
        {
            await store.AnalyzeAsync(cancellationToken);
        }

        await ReportDanglingAsync(references, report, cancellationToken);
        return report;
    }

    private static async IAsyncEnumerable<ImportInput> ReadLinesAsync(
        IEnumerable<(string Source, Stream Content, string? ExpectedType)> inputs, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (source, content, expectedType) in inputs)
        {
            using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            var number = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                number++;
                if (!string.IsNullOrWhiteSpace(line))
                {
                    yield return new ImportInput(source, number, line, expectedType);
                }
            }
        }
    }

    private async Task<Task<BatchResult?>> StageAsync(ImportInput[] lines, Task<BatchResult?> previous,
        ImportReport report, Dictionary<(string Type, string Id), string> references, CancellationToken cancellationToken)
    {
        var prepared = new PreparedResource[lines.Length];
        var now = ResourceMeta.Truncate(clock.GetUtcNow());
        // Most imported resources are new: stamping version 1 here, on every core, takes that
        // work off the single writer; an update is stamped again by the store.
        Parallel.For(0, lines.Length, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            prepared[i] = lines[i].Json.Length > MaxLineBytes
                ? PreparedResource.Fail($"the line is longer than {MaxLineBytes} characters")
                : preparer.Prepare(lines[i].Json, lines[i].ExpectedType, now));

        var batch = new List<IndexedResource>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (prepared[i].Resource is not { } resource)
            {
                report.Reject(new ImportLine(lines[i].Source, lines[i].Line, prepared[i].Error));
                continue;
            }

            foreach (var reference in resource.Entries.OfType<ReferenceIndexEntry>().Where(r => r.ResourceType is not null && r.Id is not null))
            {
                references.TryAdd((reference.ResourceType!, reference.Id!), $"{resource.Type}/{resource.Id}");
            }

            batch.Add(resource);
        }

        Count(await previous, report);
        return WriteAsync(batch, cancellationToken);
    }

    private async Task<BatchResult?> WriteAsync(List<IndexedResource> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return null;
        }

        // A resource appearing twice in one batch: the last line wins, as a later upsert would.
        var distinct = batch.GroupBy(r => (r.Type, r.Id)).Select(g => g.Last()).ToList();
        return new BatchResult(await store.UpsertAsync(distinct, cancellationToken), batch.Count - distinct.Count);
    }

    private static void Count(BatchResult? result, ImportReport report)
    {
        if (result is null)
        {
            return;
        }

        foreach (var outcome in result.Outcomes)
        {
            switch (outcome.Kind)
            {
                case UpsertKind.Created: report.Created++; break;
                case UpsertKind.Updated: report.Updated++; break;
                default: report.Unchanged++; break;
            }
        }

        report.Unchanged += result.Duplicates;
    }

    private async Task ReportDanglingAsync(Dictionary<(string Type, string Id), string> references, ImportReport report, CancellationToken cancellationToken)
    {
        var existing = await store.ExistingAsync(references.Keys, cancellationToken);
        foreach (var ((type, id), from) in references)
        {
            if (!existing.Contains((type, id)))
            {
                report.Dangling(from, $"{type}/{id}");
            }
        }
    }
}
