using Microsoft.Extensions.Options;
using PatientAccess.Monitor.Observability;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Retention;

/// <summary>Deletes AuditEvents past <see cref="RetentionOptions.MaxAge"/>, in chunks, every <see cref="RetentionOptions.PurgeIntervalSeconds"/>.</summary>
internal sealed partial class RetentionPurge(AuditStore store, MonitorMetrics metrics, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionPurge> logger)
    : BackgroundService
{
    private const int Chunk = 5000;
    private readonly RetentionOptions _options = options.Value;

    /// <summary>One purge, by the injected clock: every event recorded before now minus the retention goes.</summary>
    public async Task<long> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - _options.MaxAge;
        long total = 0;
        int deleted;
        do
        {
            deleted = await store.PurgeAsync(before, Chunk, cancellationToken);
            total += deleted;
        }
        while (deleted == Chunk);

        if (total > 0)
        {
            metrics.Purged(total);
            LogPurged(logger, total, before);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Whatever failed (the database away, a schema race at start), the monitor keeps
                // consuming: a background service that throws would stop the whole host.
                LogFailed(logger, ex.Message);
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(_options.PurgeIntervalSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} AuditEvents recorded before {Before:O}")]
    private static partial void LogPurged(ILogger logger, long count, DateTimeOffset before);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention purge failed; it runs again at the next interval: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
