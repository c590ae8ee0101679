using StackExchange.Redis;

namespace PatientAccess.Monitor.Consumer;

/// <summary>
/// Consumes new entries while they keep coming in full batches, two rounds overlapped: the next
/// batch is read and mapped (CPU, on the other core) while the current one is stored (the database)
/// and acknowledged. Rounds still commit one after another in the stream's order, so the detectors
/// see events in the order they did without the overlap. If a commit fails, the batch read ahead
/// stays pending in the group like the failed one, and the consumer's next round reads both again.
/// </summary>
internal sealed class BatchPipeline(BatchProcessor processor)
{
    /// <summary>
    /// Stores <paramref name="first"/> and then whatever <paramref name="read"/> returns, while each
    /// read comes back full and <paramref name="keepGoing"/> says so; returns what it stored in all.
    /// </summary>
    public async Task<BatchOutcome> RunAsync(
        IDatabase redis, IReadOnlyList<StreamEntry> first, int batchSize, Func<Task<StreamEntry[]>> read, Func<bool> keepGoing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(keepGoing);
        var total = new BatchOutcome(0, 0, 0);
        PreparedBatch? current = processor.Prepare(first);
        while (current is not null)
        {
            // Not cancellable once asked for: entries it read are delivered, and must end up stored or pending.
            var ahead = current.Entries.Count >= batchSize && keepGoing()
                ? Task.Run(async () => await read() is { Length: > 0 } more ? processor.Prepare(more) : null, CancellationToken.None)
                : Task.FromResult<PreparedBatch?>(null);
            BatchOutcome outcome;
            try
            {
                outcome = await processor.CommitAsync(redis, current, cancellationToken);
            }
            catch
            {
                // Its entries stay pending and are read again with the failed batch's; only wait for it to end.
                await ahead.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw;
            }

            total = new BatchOutcome(total.Stored + outcome.Stored, total.Duplicates + outcome.Duplicates, total.DeadLetters + outcome.DeadLetters);
            current = await ahead;
        }

        return total;
    }
}
