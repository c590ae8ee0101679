namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// The Lua script that makes one decision over one or more buckets atomically (StackExchange.Redis
/// 1.2.6 has no <c>Execute</c>, and one round trip is the point anyway). Time is Redis' own, so
/// replicas with drifting clocks share one view. A request is charged to every bucket only if all
/// of them have a token; otherwise nothing is charged and the longest wait is returned.
/// KEYS: bucket keys. ARGV: burst and rate per key, in the same order.
/// Returns: allowed (1/0), wait in milliseconds, then whole tokens left per bucket.
/// Bucket writes are kept out of the AOF and replicas (<c>set_repl</c>): they are worth nothing a
/// second later, a restarted or promoted Redis starting with full buckets is harmless, and
/// logging six commands per request made Redis the busiest process after the gateway itself.
/// </summary>
internal static class TokenBucketScript
{
    public const string Source = """
        redis.set_repl(redis.REPL_NONE)
        local t = redis.call('TIME')
        local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
        local levels = {}
        local wait = 0
        for i = 1, #KEYS do
          local burst = tonumber(ARGV[2 * i - 1])
          local rate = tonumber(ARGV[2 * i])
          local state = redis.call('HMGET', KEYS[i], 'v', 't')
          local level = tonumber(state[1])
          local last = tonumber(state[2])
          if level == nil or last == nil then
            level = burst
            last = now
          end
          level = math.min(burst, level + math.max(0, now - last) * rate)
          levels[i] = level
          if level < 1 then
            local w = (1 - level) / rate
            if w > wait then wait = w end
          end
        end
        local allowed = 0
        if wait == 0 then allowed = 1 end
        local result = {allowed, math.ceil(wait * 1000)}
        for i = 1, #KEYS do
          local burst = tonumber(ARGV[2 * i - 1])
          local rate = tonumber(ARGV[2 * i])
          local level = levels[i]
          if allowed == 1 then level = level - 1 end
          redis.call('HSET', KEYS[i], 'v', tostring(level), 't', tostring(now))
          redis.call('PEXPIRE', KEYS[i], math.ceil(burst / rate * 1000) + 1000)
          result[i + 2] = math.floor(level)
        end
        return result
        """;
}
