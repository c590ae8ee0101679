using System.Text.Json;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Observability;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Audit;

/// <summary>
/// Moves events from the queue to the Redis stream in batches. While Redis is down, or while
/// older events still wait in the spool, events go to the spool instead, so the stream always
/// receives them in the order they happened; the spool is replayed as soon as Redis answers.
/// On shutdown whatever is queued is written to Redis or the spool before the process exits.
/// </summary>
internal sealed partial class AuditWriter : BackgroundService
{
    private readonly AuditInbox _queue;
    private readonly RedisConnection _redis;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger<AuditWriter> _logger;
    private readonly AuditOptions _options;
    private readonly AuditSpool _spool;
    private readonly TimeProvider _time;
    private long _unreadSinceLog;
    private DateTimeOffset _nextLog;

    public AuditWriter(AuditInbox queue, RedisConnection redis, GatewayMetrics metrics, IOptions<AuditOptions> options,
        IOptions<ServiceOptions> service, TimeProvider time, ILogger<AuditWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(service);
        _queue = queue;
        _redis = redis;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _options = options.Value;
        _spool = new AuditSpool(Path.Combine(Path.GetFullPath(service.Value.DataDirectory), _options.SpoolFile));
        _metrics.SpoolDepth(_spool.Depth);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditEvent>(_options.BatchSize);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                // With a spool to drain, wake up regularly even when no request arrives.
                wait.CancelAfter(_spool.IsEmpty ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(1));
                await _queue.Reader.WaitToReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // Timed out: time to try the spool again.
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (!await LingerAsync(stoppingToken))
            {
                break;
            }

            Drain(batch);
            await WriteAsync(batch);
        }

        // Shutdown: nothing queued may be lost.
        Drain(batch, int.MaxValue);
        await WriteAsync(batch);
        if (_unreadSinceLog > 0)
        {
            LogTrimmedUnread(_logger, _unreadSinceLog, _options.StreamKey, _options.MaxStreamLength, _options.ConsumerGroup);
        }
    }

    /// <summary>
    /// Lets a batch gather before it is written: without it every request's event went out as a
    /// Redis call of its own (the loop wakes as soon as one event is queued), as many Redis round
    /// trips for audit as for rate limiting. False when the service is stopping.
    /// </summary>
    private async Task<bool> LingerAsync(CancellationToken stoppingToken)
    {
        if (_options.FlushMilliseconds == 0)
        {
            return true;
        }

        try
        {
            await Task.Delay(_options.FlushMilliseconds, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Drain(List<AuditEvent> batch, int? max = null)
    {
        batch.Clear();
        while (batch.Count < (max ?? _options.BatchSize) && _queue.Reader.TryRead(out var item))
        {
            batch.Add(item);
        }
    }

    private async Task WriteAsync(List<AuditEvent> batch)
    {
        var lines = batch.Select(e => (e.Id, JsonSerializer.Serialize(e, AuditJson.Default.AuditEvent))).ToList();
        if (!_spool.IsEmpty)
        {
            await ReplayAsync();
        }

        if (lines.Count == 0)
        {
            return;
        }

        if (_spool.IsEmpty && await TryAddAsync(lines))
        {
            _metrics.AuditEvents("redis", lines.Count);
            return;
        }

        _spool.Append([.. lines.Select(l => l.Item2)]);
        _metrics.AuditEvents("spool", lines.Count);
        _metrics.SpoolDepth(_spool.Depth);
    }

    private async Task ReplayAsync()
    {
        while (!_spool.IsEmpty)
        {
            var (lines, next) = _spool.ReadBatch(_options.BatchSize);
            if (lines.Count == 0 || !await TryAddAsync([.. lines.Select(line => (IdOf(line), line))]))
            {
                return;
            }

            _spool.Commit(next, lines.Count);
            _metrics.SpoolDepth(_spool.Depth);
            if (_spool.IsEmpty)
            {
                LogReplayed(_logger);
            }
        }
    }

    private async Task<bool> TryAddAsync(List<(string Id, string Line)> lines)
    {
        try
        {
            var multiplexer = await Task.Run(() => _redis.Multiplexer);
            if (!multiplexer.IsConnected)
            {
                return false;
            }

            var result = await AuditStream.AppendAsync(_redis.Database, _options.StreamKey, _options.MaxStreamLength, _options.ConsumerGroup, lines);
            if (result.TrimError is { } error)
            {
                LogTrimFailed(_logger, _options.StreamKey, error);
            }

            else
            {
                _metrics.AuditLag(result.LagEntries, result.Lag.TotalSeconds);
            }

            Trimmed(result.Trimmed, result.Unread);
            return true;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogRedisFailed(_logger, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Counts a trim; losses at the hard cap are logged at once the first time, then summed into at most one
    /// warning a minute, so a stream at its hard cap without a monitor is loud but not a log flood.
    /// </summary>
    private void Trimmed(long trimmed, long unread)
    {
        if (trimmed == 0)
        {
            return;
        }

        _metrics.AuditTrimmed(trimmed, unread);
        if (unread == 0)
        {
            return;
        }

        _unreadSinceLog += unread;
        var now = _time.GetUtcNow();
        if (now >= _nextLog)
        {
            LogTrimmedUnread(_logger, _unreadSinceLog, _options.StreamKey, _options.MaxStreamLength, _options.ConsumerGroup);
            _unreadSinceLog = 0;
            _nextLog = now + TimeSpan.FromMinutes(1);
        }
    }

    /// <summary>A spooled line's event id (only replays need this: live events carry theirs).</summary>
    private static string IdOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty;
        }
        catch (JsonException)
        {
            // A damaged line still goes to the stream, where a person can see it, rather than blocking the replay.
            return string.Empty;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} audit events were trimmed from {Stream} at its hard cap of {Cap} before consumer group {Group} stored them")]
    private static partial void LogTrimmedUnread(ILogger logger, long count, string stream, long cap, string group);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit stream {Stream} could not be trimmed (events were appended): {Error}")]
    private static partial void LogTrimFailed(ILogger logger, string stream, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit events go to the spool: Redis failed ({Error})")]
    private static partial void LogRedisFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit spool replayed into Redis")]
    private static partial void LogReplayed(ILogger logger);
}
