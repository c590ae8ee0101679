namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// The Lua script that makes a batch of decisions atomically, in order, over the buckets they
/// name: Lua because atomicity is the point (every bucket of a request is read, checked and
/// charged with no other replica's decision in between), and one round trip per batch.
/// Redis runs one script at a time, so the decisions come out exactly as if each had been its own
/// call back to back; each bucket is read and written once per batch, which is what makes a busy
/// gateway's Redis cost per request fall as traffic rises. Time is Redis' own, so replicas with
/// drifting clocks share one view. A request is charged to every bucket it names only if all of
/// them have a token; otherwise nothing is charged and the longest wait is returned.
/// Consecutive decisions over the same buckets come as one group and are answered in one step:
/// taken one by one, the first <c>floor(tightest level)</c> of them are allowed, each leaving one
/// token less, and the rest are refused with the same wait (see <see cref="TokenBucketBatch"/>).
/// A group whose decisions were all allowed may also take tokens ahead for the replica's lease
/// (<see cref="RateLimitLeases"/>): up to the number asked for, and never more than an eighth of
/// what its tightest bucket has left, so that a bucket near empty is never leased from and the
/// last tokens are handed out one decision at a time, whichever replica asks.
/// KEYS: the distinct bucket keys. ARGV: burst and rate per key, in the same order; then, per
/// group, the number of decisions, the tokens wanted ahead, the number of their buckets, and the
/// buckets' 1-based key indexes.
/// Returns, per group: how many were allowed, the refused ones' wait in milliseconds, the whole
/// tokens in the tightest bucket before the group, and the tokens taken ahead.
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
          local count = tonumber(ARGV[p])
          local want = tonumber(ARGV[p + 1])
          local n = tonumber(ARGV[p + 2])
          local low = nil
          for j = 1, n do
            local i = tonumber(ARGV[p + 2 + j])
            if low == nil or level[i] < low then low = level[i] end
          end
          local whole = 0
          local allowed = count
          if low ~= nil then
            whole = math.floor(low)
            allowed = math.min(count, whole)
          end
          local wait = 0
          for j = 1, n do
            local i = tonumber(ARGV[p + 2 + j])
            level[i] = level[i] - allowed
            if allowed < count and level[i] < 1 then
              local w = (1 - level[i]) / rate[i]
              if w > wait then wait = w end
            end
          end
          local lease = 0
          if allowed == count and low ~= nil and want > 0 then
            lease = math.max(0, math.min(want, math.floor((low - allowed) / 8)))
            for j = 1, n do
              local i = tonumber(ARGV[p + 2 + j])
              level[i] = level[i] - lease
            end
          end
          result[#result + 1] = allowed
          result[#result + 1] = math.ceil(wait * 1000)
          result[#result + 1] = whole
          result[#result + 1] = lease
          p = p + n + 3
        end
        for i = 1, #KEYS do
          redis.call('HSET', KEYS[i], 'v', tostring(level[i]), 't', tostring(now))
          redis.call('PEXPIRE', KEYS[i], math.ceil(burst[i] / rate[i] * 1000) + 1000)
        end
        return result
        """;
}
