using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace PatientAccess.ServiceDefaults.Redis;

/// <summary>
/// The process' one Redis multiplexer. It never fails startup: services decide what a
/// Redis outage means for them (fall back, spool, refuse) and readiness reports it.
/// </summary>
public sealed partial class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;
    private int _creating;

    public RedisConnection(IOptions<RedisOptions> options, ILogger<RedisConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        Timeout = TimeSpan.FromMilliseconds(settings.TimeoutMilliseconds);
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var configuration = ConfigurationOptions.Parse(settings.ConnectionString);
            configuration.AbortOnConnectFail = false;
            configuration.ConnectTimeout = settings.TimeoutMilliseconds;
            configuration.SyncTimeout = settings.TimeoutMilliseconds;
            // Pub/sub handlers run concurrently (the 2.x+ default; ordered delivery would need a
            // ChannelMessageQueue). Nothing here relies on order: revocation pushes carry their own
            // time and sequence and are applied order-independently.
            var multiplexer = ConnectionMultiplexer.Connect(configuration);
            // The endpoint list, not the whole string: it may carry a password.
            var endpoints = string.Join(",", configuration.EndPoints);
            LogConnecting(logger, endpoints);
            return multiplexer;
        });
    }

    public TimeSpan Timeout { get; }

    /// <summary>The multiplexer, created on first use; the creation blocks while it makes its first connect attempt (up to the timeout).</summary>
    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    /// <summary>
    /// The multiplexer once it exists; until then null, while it is created on a pool thread. For
    /// request paths, which must never wait for the connect: a burst of requests on a cold process
    /// each blocking a pool thread on it starved the thread pool for minutes.
    /// </summary>
    public ConnectionMultiplexer? CreatedMultiplexer
    {
        get
        {
            if (_multiplexer.IsValueCreated)
            {
                return _multiplexer.Value;
            }

            if (Interlocked.Exchange(ref _creating, 1) == 0)
            {
                // Started once: the Lazy keeps a failed creation's exception (an unparsable connection
                // string), which readiness and the background services then report through Multiplexer.
                _ = Task.Run(() => _multiplexer.Value).ContinueWith(static task => task.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return null;
        }
    }

    public IDatabase Database => Multiplexer.GetDatabase();

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis connection created for {Endpoints}")]
    private static partial void LogConnecting(ILogger logger, string endpoints);
}
