namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// The Lua script that makes a batch of decisions atomically, in order, over the buckets they
/// name (StackExchange.Redis 1.2.6 has no <c>Execute</c>, and one round trip is the point anyway).
/// Redis runs one script at a time, so the decisions come out exactly as if each had been its own
/// call back to back; each bucket is read and written once per batch, which is what makes a busy
/// gateway's Redis cost per request fall as traffic rises. Time is Redis' own, so replicas with
/// drifting clocks share one view. A request is charged to every bucket it names only if all of
/// them have a token; otherwise nothing is charged and the longest wait is returned.
/// KEYS: the distinct bucket keys. ARGV: burst and rate per key, in the same order; then, per
/// decision, the number of its buckets followed by their 1-based key indexes.
/// Returns, per decision: allowed (1/0), wait in milliseconds, whole tokens left in its tightest bucket.
/// Bucket writes are kept out of the AOF and replicas (<c>set_repl</c>): they are worth nothing a
/// second later, and a restarted or promoted Redis starting with full buckets is harmless.
/// </summary>
internal static class TokenBucketScript
{
    public const string Source = """
        redis.set_repl(redis.REPL_NONE)
        local t = redis.call('TIME')
        local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
        local burst, rate, level = {}, {}, {}
        for i = 1, #KEYS do
          burst[i] = tonumber(ARGV[2 * i - 1])
          rate[i] = tonumber(ARGV[2 * i])
          local state = redis.call('HMGET', KEYS[i], 'v', 't')
          local v = tonumber(state[1])
          local last = tonumber(state[2])
          if v == nil or last == nil then
            v = burst[i]
            last = now
          end
          level[i] = math.min(burst[i], v + math.max(0, now - last) * rate[i])
        end
        local result = {}
        local p = 2 * #KEYS + 1
        while p <= #ARGV do
          local n = tonumber(ARGV[p])
          local wait = 0
          for j = 1, n do
            local i = tonumber(ARGV[p + j])
            if level[i] < 1 then
              local w = (1 - level[i]) / rate[i]
              if w > wait then wait = w end
            end
          end
          local remaining = -1
          for j = 1, n do
            local i = tonumber(ARGV[p + j])
            if wait == 0 then level[i] = level[i] - 1 end
            local whole = math.floor(level[i])
            if remaining < 0 or whole < remaining then remaining = whole end
          end
          result[#result + 1] = wait == 0 and 1 or 0
          result[#result + 1] = math.ceil(wait * 1000)
          result[#result + 1] = math.max(remaining, 0)
          p = p + n + 1
        end
        for i = 1, #KEYS do
          redis.call('HSET', KEYS[i], 'v', tostring(level[i]), 't', tostring(now))
          redis.call('PEXPIRE', KEYS[i], math.ceil(burst[i] / rate[i] * 1000) + 1000)
        end
        return result
        """;
}
