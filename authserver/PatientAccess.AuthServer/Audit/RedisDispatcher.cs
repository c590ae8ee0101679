using System.Threading.Channels;
using PatientAccess.ServiceDefaults.Redis;

namespace PatientAccess.AuthServer.Audit;

/// <summary>
/// Writes audit events and revocation pushes to Redis in the background. A request only
/// enqueues; a Redis outage costs it nothing. Failures are logged and counted, and the
/// queue is bounded so an outage cannot grow memory without limit (drops are counted too).
/// Revocations lost here are not lost for the gateways: they also read the database feed.
/// </summary>
internal sealed partial class RedisDispatcher(RedisConnection redis, AuthMetrics metrics, ILogger<RedisDispatcher> logger) : BackgroundService
{
    private readonly Channel<RedisWork> _queue = Channel.CreateBounded<RedisWork>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public void Enqueue(RedisWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (!_queue.Writer.TryWrite(work))
        {
            metrics.RedisDropped(work.Kind);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                var multiplexer = redis.Multiplexer;
                await work.Action(multiplexer.GetDatabase(), multiplexer.GetSubscriber()).WaitAsync(redis.Timeout * 2, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                metrics.RedisFailed(work.Kind);
                LogFailed(logger, work.Kind, ex.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis write of {Kind} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string kind, string error);
}
