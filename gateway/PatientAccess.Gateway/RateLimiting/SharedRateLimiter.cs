using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Observability;
using PatientAccess.ServiceDefaults.Redis;
using StackExchange.Redis;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Decides with the buckets in Redis, shared by every replica, in one script call; while Redis is
/// unreachable, applies <see cref="RateLimitOptions.RedisDownPolicy"/> and says so in logs and metrics.
/// </summary>
public sealed partial class SharedRateLimiter(
    RedisConnection redis,
    LocalRateLimiter local,
    IOptions<RateLimitOptions> options,
    GatewayMetrics metrics,
    ILogger<SharedRateLimiter> logger)
{
    private readonly RedisDownPolicy _policy = options.Value.RedisDownPolicy;

    public async Task<RateLimitDecision> DecideAsync(IReadOnlyList<RateLimitBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        try
        {
            var multiplexer = redis.Multiplexer;
            if (multiplexer.IsConnected)
            {
                // Plain arrays and loops: this runs on every request.
                var keys = new RedisKey[buckets.Count];
                var values = new RedisValue[buckets.Count * 2];
                for (var i = 0; i < buckets.Count; i++)
                {
                    keys[i] = buckets[i].Key;
                    values[2 * i] = buckets[i].Limit.Burst;
                    values[(2 * i) + 1] = buckets[i].Limit.PerSecond.ToString("R", CultureInfo.InvariantCulture);
                }

                var result = (RedisResult[])(await redis.Database.ScriptEvaluateAsync(TokenBucketScript.Source, keys, values))!;
                SetFallback(false, null);
                var remaining = result.Length > 2 ? long.MaxValue : 0;
                for (var i = 2; i < result.Length; i++)
                {
                    remaining = Math.Min(remaining, (long)result[i]);
                }

                return new RateLimitDecision((long)result[0] == 1, Math.Max(0, remaining), TimeSpan.FromMilliseconds((long)result[1]), Local: false);
            }

            SetFallback(true, "not connected");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            SetFallback(true, ex.GetType().Name);
        }

        return _policy == RedisDownPolicy.LocalLimits
            ? local.Decide(buckets)
            : new RateLimitDecision(false, 0, TimeSpan.FromSeconds(1), Local: true, Unavailable: true);
    }

    private void SetFallback(bool active, string? why)
    {
        if (metrics.IsRedisFallback == active)
        {
            return;
        }

        metrics.RedisFallback(active);
        if (active)
        {
            LogFallback(logger, why ?? "unknown", _policy);
        }
        else
        {
            LogRecovered(logger);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable for rate limits ({Why}); policy {Policy} applies until it returns")]
    private static partial void LogFallback(ILogger logger, string why, RedisDownPolicy policy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redis reachable again: rate limits are shared by all replicas again")]
    private static partial void LogRecovered(ILogger logger);
}
