using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Monitor.Consumer;

/// <summary>
/// Reads the audit stream in the consumer group, at least once: first this consumer's own pending
/// entries (after a failed round or a reconnect), then, every half <see cref="ConsumerOptions.ClaimIdleSeconds"/>,
/// entries another consumer left pending that long (XAUTOCLAIM: a killed monitor's batch), then new
/// entries (in overlapped rounds while they come in full batches, <see cref="BatchPipeline"/>). The
/// group's position lives in Redis, so a restarted monitor resumes where the group stopped.
/// A Redis or database failure never stops the loop: it waits a second and starts over, its
/// delivered entries still pending.
/// </summary>
internal sealed partial class AuditConsumer(
    RedisConnection redis, BatchProcessor processor, BatchPipeline pipeline, ConsumerLag lag, IOptions<ConsumerOptions> options, TimeProvider time, ILogger<AuditConsumer> logger)
    : BackgroundService
{
    private readonly ConsumerOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumer = _options.EffectiveConsumerName;
        var groupReady = false;
        var ownPending = true;
        var nextClaim = DateTimeOffset.MinValue;
        var nextLag = DateTimeOffset.MinValue;
        LogStarting(logger, consumer, _options.StreamKey, _options.ConsumerGroup);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The first connect blocks (up to the timeout): off the loop's thread.
                _ = await Task.Run(() => redis.Multiplexer, stoppingToken);
                var db = redis.Database;
                if (!groupReady)
                {
                    await EnsureGroupAsync(db);
                    groupReady = true;
                }

                var now = time.GetUtcNow();
                if (now >= nextLag)
                {
                    await lag.MeasureAsync(db, stoppingToken);
                    nextLag = now.AddMilliseconds(_options.LagIntervalMilliseconds);
                }

                if (ownPending)
                {
                    var mine = await db.StreamReadGroupAsync(_options.StreamKey, _options.ConsumerGroup, consumer, "0-0", _options.BatchSize);
                    ownPending = mine.Length > 0;
                    await processor.ProcessAsync(db, mine, stoppingToken);
                    continue;
                }

                if (now >= nextClaim)
                {
                    var claimed = await db.StreamAutoClaimAsync(_options.StreamKey, _options.ConsumerGroup, consumer,
                        _options.ClaimIdleSeconds * 1000L, "0-0", _options.BatchSize);
                    if (claimed.ClaimedEntries.Length > 0)
                    {
                        LogClaimed(logger, claimed.ClaimedEntries.Length);
                        await processor.ProcessAsync(db, claimed.ClaimedEntries, stoppingToken);
                        continue;
                    }

                    nextClaim = now.AddSeconds(Math.Max(1, _options.ClaimIdleSeconds / 2.0));
                }

                var entries = await db.StreamReadGroupAsync(_options.StreamKey, _options.ConsumerGroup, consumer, StreamPosition.NewMessages, _options.BatchSize);
                if (entries.Length == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(_options.PollMilliseconds), time, stoppingToken);
                    continue;
                }

                // Full batches (a backlog, a saturated gateway): the next is read and mapped while this one is stored,
                // until the lag is due to be measured or another consumer's pending entries to be claimed.
                var until = nextLag < nextClaim ? nextLag : nextClaim;
                await pipeline.RunAsync(db, entries, _options.BatchSize,
                    () => db.StreamReadGroupAsync(_options.StreamKey, _options.ConsumerGroup, consumer, StreamPosition.NewMessages, _options.BatchSize),
                    () => time.GetUtcNow() < until, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // NOGROUP after a Redis that lost its data: the group is made again from the stream's start.
                groupReady = !ex.Message.Contains("NOGROUP", StringComparison.Ordinal);
                ownPending = true;
                LogRoundFailed(logger, ex.GetType().Name, ex.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task EnsureGroupAsync(IDatabase db)
    {
        try
        {
            // From the stream's start: events appended before the first monitor ran are stored too.
            await db.StreamCreateConsumerGroupAsync(_options.StreamKey, _options.ConsumerGroup, "0-0", createStream: true);
            LogGroupCreated(logger, _options.ConsumerGroup, _options.StreamKey);
        }
        catch (RedisServerException ex) when (ex.Message.Contains("BUSYGROUP", StringComparison.Ordinal))
        {
            // Made by another monitor process, or by this one before a restart.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consumer {Consumer} reads {Stream} in group {Group}")]
    private static partial void LogStarting(ILogger logger, string consumer, string stream, string group);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created consumer group {Group} on {Stream}")]
    private static partial void LogGroupCreated(ILogger logger, string group, string stream);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claimed {Count} audit entries another consumer left pending")]
    private static partial void LogClaimed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit consumer round failed ({Kind}: {Error}); its entries stay pending and are read again")]
    private static partial void LogRoundFailed(ILogger logger, string kind, string error);
}
