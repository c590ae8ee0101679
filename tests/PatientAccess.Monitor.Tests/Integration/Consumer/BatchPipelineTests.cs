using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Consumer;
using PatientAccess.Monitor.Events;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Tests.Support;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Tests.Integration.Consumer;

/// <summary>
/// The consumer's overlapped rounds (the next batch read and mapped while one is stored) against a
/// real redis-server and database: a backlog of full batches is stored once each, acknowledged, and
/// shown to the detectors in the stream's order; a commit that fails leaves its batch and the one
/// read ahead pending, and reading the pending entries again stores what was missing, nothing twice.
/// </summary>
public sealed class BatchPipelineTests(MonitorBackends backends) : IClassFixture<MonitorBackends>
{
    private const int BatchSize = 5;

    private IDatabase Redis => backends.RedisDatabase;

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task Backlog_FullBatches_StoredOnceAcknowledgedAndObservedInStreamOrder(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        var stream = "pipeline-" + Guid.NewGuid().ToString("N");
        var events = Enumerable.Range(0, 23).Select(_ => StreamEvents.Gateway()).ToList();
        await StreamEvents.AppendAsync(Redis, stream, events.Select(StreamEvents.Entry));
        await Redis.StreamCreateConsumerGroupAsync(stream, "monitor", "0-0");
        var seen = new RecordingObserver();
        var pipeline = new BatchPipeline(Processor(monitor, stream, seen));

        var first = await ReadAsync(stream, StreamPosition.NewMessages);
        var outcome = await pipeline.RunAsync(Redis, first, BatchSize, () => ReadAsync(stream, StreamPosition.NewMessages), () => true, TestContext.Current.CancellationToken);

        Assert.Equal(23, outcome.Stored);
        Assert.Equal(events.Select(e => (string)e["id"]!), seen.Ids);
        Assert.Equal(0, (await Redis.StreamPendingAsync(stream, "monitor")).PendingMessageCount);
    }

    [Theory]
    [MemberData(nameof(MonitorBackends.Names), MemberType = typeof(MonitorBackends))]
    public async Task CommitFails_ItsBatchAndTheOneReadAheadStayPending_ReadAgainStoredOnce(string backend)
    {
        await using var monitor = new MonitorFactory(await backends.NewSettingsAsync(backend));
        var stream = "pipeline-" + Guid.NewGuid().ToString("N");
        var events = Enumerable.Range(0, 4 * BatchSize).Select(_ => StreamEvents.Gateway()).ToList();
        await StreamEvents.AppendAsync(Redis, stream, events.Select(StreamEvents.Entry));
        await Redis.StreamCreateConsumerGroupAsync(stream, "monitor", "0-0");
        // The second batch's round is stopped after its commit and before its acknowledgement (a shutdown mid-round).
        using var stop = new CancellationTokenSource();
        var seen = new RecordingObserver { StopAtBatch = 2, Stop = stop };
        var processor = Processor(monitor, stream, seen);
        var pipeline = new BatchPipeline(processor);

        var first = await ReadAsync(stream, StreamPosition.NewMessages);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            pipeline.RunAsync(Redis, first, BatchSize, () => ReadAsync(stream, StreamPosition.NewMessages), () => true, stop.Token));

        // Batch 1 acknowledged; batch 2 (stored) and batch 3 (read ahead, not stored) pending; batch 4 never read.
        Assert.Equal(2 * BatchSize, (await Redis.StreamPendingAsync(stream, "monitor")).PendingMessageCount);
        Assert.Equal(2 * BatchSize, seen.Ids.Count);

        // The consumer's next rounds: its own pending entries first, then new ones.
        var pending = await Redis.StreamReadGroupAsync(stream, "monitor", "test", "0-0", 2 * BatchSize);
        var again = await processor.ProcessAsync(Redis, pending, TestContext.Current.CancellationToken);
        var rest = await processor.ProcessAsync(Redis, await ReadAsync(stream, StreamPosition.NewMessages), TestContext.Current.CancellationToken);

        Assert.Equal((BatchSize, BatchSize), (again.Stored, again.Duplicates));
        Assert.Equal(BatchSize, rest.Stored);
        Assert.Equal(events.Select(e => (string)e["id"]!), seen.Ids);
        Assert.Equal(0, (await Redis.StreamPendingAsync(stream, "monitor")).PendingMessageCount);
    }

    private Task<StreamEntry[]> ReadAsync(string stream, RedisValue position) =>
        Redis.StreamReadGroupAsync(stream, "monitor", "test", position, BatchSize);

    private static BatchProcessor Processor(MonitorFactory monitor, string stream, IAuditObserver observer) =>
        new(monitor.Store, [observer], monitor.Services.GetRequiredService<MonitorMetrics>(), Options.Create(new ConsumerOptions { StreamKey = stream }),
            TimeProvider.System, NullLogger<BatchProcessor>.Instance);

    /// <summary>Records the ids the detectors would see, in order; can stop the round of one batch as a shutdown would.</summary>
    private sealed class RecordingObserver : IAuditObserver
    {
        private int _batches;

        public List<string> Ids { get; } = [];

        public int StopAtBatch { get; init; }

        public CancellationTokenSource? Stop { get; init; }

        public ValueTask ObserveAsync(IReadOnlyList<SourceEvent> stored, CancellationToken cancellationToken)
        {
            Ids.AddRange(stored.Select(e => e.Id));
            if (++_batches == StopAtBatch && Stop is not null)
            {
                Stop.Cancel();
                throw new OperationCanceledException(Stop.Token);
            }

            return ValueTask.CompletedTask;
        }
    }
}
