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
/// Throttles (the monitor's <c>patientaccess:throttle:{client_id}</c> hashes, fields
/// <c>per_second</c> and <c>burst</c>, expiring on their own) are read here, in the same call: a
/// bucket that names one is limited to the tighter of its own limit and the throttle for as long
/// as the hash exists, with no extra round trip and no cache to go stale. A throttle that is not
/// a hash, lacks a field, or holds anything but a plain positive number in range (burst a whole
/// number from 1 to 1,000,000; per_second from 0.001 to 1,000,000) is ignored and reported
/// (the replica logs a warning), so a bad write can neither loosen nor break anyone's limits.
/// A throttled group takes no tokens ahead, so every replica sees the throttle on every decision.
/// KEYS: the distinct bucket keys, then the distinct throttle keys. ARGV: the number of bucket
/// keys; burst, rate and throttle key index (0: none) per bucket key, in the same order; then,
/// per group, the number of decisions, the tokens wanted ahead, the number of their buckets, and
/// the buckets' 1-based key indexes.
/// Returns, per group: how many were allowed, the refused ones' wait in milliseconds, the whole
/// tokens in the tightest bucket before the group, the tokens taken ahead, the throttle's state
/// (0 none, 1 applied, 2 malformed and ignored), and when applied its burst and rate (as text).
/// Bucket writes are kept out of the AOF and replicas (<c>set_repl</c>): they are worth nothing a
/// second later, and a restarted or promoted Redis starting with full buckets is harmless.
/// </summary>
internal static class TokenBucketScript
{
    public const string Source = """
        redis.set_repl(redis.REPL_NONE)
        local t = redis.call('TIME')
        local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
        local function number(s, whole)
          if type(s) ~= 'string' then return nil end
          local plain = string.match(s, '^%d+$') ~= nil
          if not whole then
            plain = plain or string.match(s, '^%d+%.%d+$') ~= nil or string.match(s, '^%d+%.?%d*[eE][-+]?%d+$') ~= nil
          end
          if not plain then return nil end
          return tonumber(s)
        end
        local throttles = {}
        local function throttle(k)
          if throttles[k] ~= nil then return throttles[k] end
          local h = redis.pcall('HGETALL', KEYS[k])
          local found = {state = 0}
          if type(h) == 'table' and h.err == nil and #h == 0 then
            throttles[k] = found
            return found
          end
          found.state = 2
          if type(h) == 'table' and h.err == nil then
            local fields = {}
            for f = 1, #h, 2 do fields[h[f]] = h[f + 1] end
            local b = number(fields['burst'], true)
            local r = number(fields['per_second'], false)
            if b ~= nil and r ~= nil and b >= 1 and b <= 1000000 and r >= 0.001 and r <= 1000000 then
              found = {state = 1, burst = b, rate = r, text = fields['per_second']}
            end
          end
          throttles[k] = found
          return found
        end
        local buckets = tonumber(ARGV[1])
        local burst, rate, level, limited = {}, {}, {}, {}
        for i = 1, buckets do
          burst[i] = tonumber(ARGV[3 * i - 1])
          rate[i] = tonumber(ARGV[3 * i])
          local tk = tonumber(ARGV[3 * i + 1])
          limited[i] = {state = 0}
          if tk > 0 then
            limited[i] = throttle(tk)
            if limited[i].state == 1 then
              burst[i] = math.min(burst[i], limited[i].burst)
              rate[i] = math.min(rate[i], limited[i].rate)
            end
          end
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
        local p = 3 * buckets + 2
        while p <= #ARGV do
          local count = tonumber(ARGV[p])
          local want = tonumber(ARGV[p + 1])
          local n = tonumber(ARGV[p + 2])
          local low = nil
          local limit = {state = 0}
          for j = 1, n do
            local i = tonumber(ARGV[p + 2 + j])
            if low == nil or level[i] < low then low = level[i] end
            if limited[i].state > limit.state then limit = limited[i] end
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
          if allowed == count and low ~= nil and want > 0 and limit.state ~= 1 then
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
          result[#result + 1] = limit.state
          result[#result + 1] = limit.burst or 0
          result[#result + 1] = limit.text or ''
          p = p + n + 3
        end
        for i = 1, buckets do
          redis.call('HSET', KEYS[i], 'v', tostring(level[i]), 't', tostring(now))
          redis.call('PEXPIRE', KEYS[i], math.ceil(burst[i] / rate[i] * 1000) + 1000)
        end
        return result
        """;
}
