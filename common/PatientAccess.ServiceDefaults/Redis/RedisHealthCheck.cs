using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatientAccess.ServiceDefaults.Redis;

/// <summary>Healthy when Redis answers PING within the configured timeout.</summary>
internal sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var multiplexer = await Task.Run(() => redis.Multiplexer, cancellationToken);
            if (!multiplexer.IsConnected)
            {
                return HealthCheckResult.Unhealthy("Redis is not connected");
            }

            var ping = multiplexer.GetDatabase().PingAsync();
            var finished = await Task.WhenAny(ping, Task.Delay(redis.Timeout, cancellationToken));
            return finished == ping
                ? HealthCheckResult.Healthy($"Redis answered PING in {(await ping).TotalMilliseconds:0.#} ms")
                : HealthCheckResult.Unhealthy($"Redis did not answer PING within {redis.Timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Redis failed: {ex.GetType().Name}");
        }
    }
}
