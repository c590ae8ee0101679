using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Observability;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Gateway.Revocation;

/// <summary>
/// Keeps <see cref="RevocationSet"/> current: subscribes to the authserver's Redis channel (a push
/// reaches every replica within milliseconds), and reads the feed when the replica starts, when
/// Redis comes back (pushes sent meanwhile were lost), and periodically as a safety net.
/// </summary>
internal sealed partial class RevocationListener(
    RedisConnection redis,
    RevocationSet set,
    RevocationFeedClient feed,
    IOptions<RevocationOptions> options,
    PolicyMetrics metrics,
    TimeProvider time,
    ILogger<RevocationListener> logger) : BackgroundService
{
    private readonly SemaphoreSlim _catchUpNow = new(0, 1);
    private volatile bool _caughtUp;
    private bool _subscribed;

    /// <summary>True once the feed has been read completely at least once: readiness waits for it.</summary>
    public bool CaughtUp => _caughtUp;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(options.Value.CatchUpSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await EnsureSubscribedAsync();
            var ok = await TryCatchUpAsync(stoppingToken);
            set.Prune();
            try
            {
                // Retry quickly until the first catch-up worked and after a failure; then wait for the interval or a reconnect.
                await _catchUpNow.WaitAsync(ok && _subscribed ? interval : TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task EnsureSubscribedAsync()
    {
        if (_subscribed)
        {
            return;
        }

        try
        {
            var multiplexer = await Task.Run(() => redis.Multiplexer);
            if (!multiplexer.IsConnected)
            {
                return;
            }

            await multiplexer.GetSubscriber().SubscribeAsync(RedisChannel.Literal(RevocationOptions.Channel), (_, message) => OnMessage(message));
            multiplexer.ConnectionRestored += (_, _) => SignalCatchUp();
            _subscribed = true;
            LogSubscribed(logger, RevocationOptions.Channel);
            // Anything published before the subscription took hold is in the feed.
            SignalCatchUp();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, ex.Message);
        }
    }

    private void OnMessage(RedisValue message)
    {
        if (RevocationEntry.TryParse((string?)message ?? string.Empty) is { } entry)
        {
            set.Apply(entry);
            LogPushed(logger, entry.Kind, entry.Sequence);
        }
    }

    private void SignalCatchUp()
    {
        try
        {
            _catchUpNow.Release();
        }
        catch (SemaphoreFullException)
        {
            // A catch-up is already due.
        }
    }

    private async Task<bool> TryCatchUpAsync(CancellationToken stoppingToken)
    {
        try
        {
            var applied = await feed.CatchUpAsync(stoppingToken);
            if (!_caughtUp || applied > 0)
            {
                LogCaughtUp(logger, applied, set.Cursor);
            }

            _caughtUp = true;
            metrics.RevocationFeedRead(time.GetUtcNow());
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
        {
            LogCatchUpFailed(logger, ex.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscribed to revocations on {Channel}")]
    private static partial void LogSubscribed(ILogger logger, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot subscribe to revocations yet: {Error}")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revocation pushed: {Kind} (sequence {Sequence})")]
    private static partial void LogPushed(ILogger logger, string kind, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revocation feed read: {Applied} entries, cursor {Cursor}")]
    private static partial void LogCaughtUp(ILogger logger, int applied, long cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Revocation feed not readable: {Error}")]
    private static partial void LogCatchUpFailed(ILogger logger, string error);
}
