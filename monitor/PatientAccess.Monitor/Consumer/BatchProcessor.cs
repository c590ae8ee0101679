using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Fhir;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Storage;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Consumer;

/// <summary>
/// One round of the consumer: parse the entries, map the good ones to AuditEvents, store them and
/// the malformed ones (dead letters, with the reason) in one database transaction, and only then
/// acknowledge every entry. A crash before the acknowledgement leaves the entries pending, to be
/// read again (this process) or claimed (another); the second store drops them by event id.
/// The events that were new are then shown to the observers (the detectors), once each.
/// </summary>
internal sealed partial class BatchProcessor(
    AuditStore store, IEnumerable<IAuditObserver> observers, MonitorMetrics metrics, IOptions<ConsumerOptions> options, TimeProvider time, ILogger<BatchProcessor> logger)
{
    private const int ParallelFrom = 64;
    private readonly ConsumerOptions _options = options.Value;

    /// <summary>Stores and acknowledges <paramref name="entries"/>; returns what it stored.</summary>
    public Task<BatchOutcome> ProcessAsync(IDatabase redis, IReadOnlyList<StreamEntry> entries, CancellationToken cancellationToken) =>
        CommitAsync(redis, Prepare(entries), cancellationToken);

    /// <summary>
    /// The CPU half of a round, no I/O: parse the entries and map the good ones to AuditEvent rows
    /// (over the cores for a full batch, in the stream's order), the malformed ones to dead letters.
    /// </summary>
    public PreparedBatch Prepare(IReadOnlyList<StreamEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<AuditRow>(entries.Count);
        var events = new List<SourceEvent>(entries.Count);
        var dead = new List<DeadLetter>();
        var now = time.GetUtcNow();
        var mapped = entries.Count >= ParallelFrom
            ? entries.AsParallel().AsOrdered().Select(Map).ToList()
            : [.. entries.Select(Map)];
        foreach (var (entry, source, row, error) in mapped)
        {
            if (row is not null)
            {
                rows.Add(row);
                events.Add(source!);
            }
            else
            {
                dead.Add(DeadLetter.Of(entry, error!, now));
                LogDeadLetter(logger, entry.Id.ToString(), error!);
            }
        }

        return new PreparedBatch(entries, rows, events, dead);
    }

    /// <summary>The I/O half: one database transaction, the observers shown the new events, then the acknowledgement.</summary>
    public async Task<BatchOutcome> CommitAsync(IDatabase redis, PreparedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Entries.Count == 0)
        {
            return new BatchOutcome(0, 0, 0);
        }

        var inserted = await store.StoreAsync(batch.Rows, batch.DeadLetters, cancellationToken);
        await ObserveAsync([.. batch.Events.Where(e => inserted.Contains(e.Id))], cancellationToken);
        // Acknowledged only now, after the commit: the gateway trims only what the group acknowledged.
        await redis.StreamAcknowledgeAsync(_options.StreamKey, _options.ConsumerGroup, [.. batch.Entries.Select(e => e.Id)]);
        var outcome = new BatchOutcome(inserted.Count, batch.Rows.Count - inserted.Count, batch.DeadLetters.Count);
        metrics.Consumed(batch.Entries.Count, outcome);
        return outcome;
    }

    /// <summary>
    /// An observer that fails does not stop the consumer nor keep the batch unacknowledged: the
    /// events are stored, and holding them back would only replay them as duplicates nobody sees.
    /// </summary>
    private async Task ObserveAsync(IReadOnlyList<SourceEvent> stored, CancellationToken cancellationToken)
    {
        if (stored.Count == 0)
        {
            return;
        }

        foreach (var observer in observers)
        {
            try
            {
                await observer.ObserveAsync(stored, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogObserverFailed(logger, exception, observer.GetType().Name, stored.Count);
            }
        }
    }

    private static (StreamEntry Entry, SourceEvent? Source, AuditRow? Row, string? Error) Map(StreamEntry entry)
    {
        var parsed = StreamEntryParser.Parse(entry);
        return parsed.Event is { } source ? (entry, source, AuditEventMapper.ToRow(source), null) : (entry, null, null, parsed.Error);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Observer {Observer} failed on {Count} new audit events; they are stored, but it did not see them")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string observer, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit stream entry {EntryId} is malformed and went to the dead letters: {Reason}")]
    private static partial void LogDeadLetter(ILogger logger, string entryId, string reason);
}
