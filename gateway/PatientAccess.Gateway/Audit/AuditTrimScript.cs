namespace PatientAccess.Gateway.Audit;

/// <summary>
/// Trims the stream by what the monitor has stored, applies the optional hard cap, and measures
/// the monitor's lag, in one atomic call.
/// KEYS[1]: the stream. ARGV[1]: the hard cap (<see cref="AuditOptions.MaxStreamLength"/>, 0: none);
/// ARGV[2]: the consumer group that stores the events (<see cref="AuditOptions.ConsumerGroup"/>).
/// Returns { trimmed acknowledged, trimmed at the cap, of those unacknowledged, lag entries, lag milliseconds }.
/// Needs Redis 6.2 or later (XTRIM MINID, exclusive ranges); the lag in entries uses the group's
/// <c>lag</c> field of Redis 7 and falls back to the stream's length when Redis cannot tell it.
/// </summary>
/// <remarks>
/// Lua, not StackExchange.Redis' <c>StreamTrimAsync</c>/<c>StreamGroupInfoAsync</c>/<c>StreamPendingAsync</c>,
/// because atomicity is the point: the group's position, the trim and the count must come from one
/// snapshot while the monitor acknowledges and other producers append.
/// An entry is stored once the group acknowledged it: everything before the oldest pending entry
/// or, with none pending, up to the group's last-delivered id (the monitor acknowledges only after
/// its database commit). Those entries are trimmed with <c>XTRIM MINID ~</c> (whole nodes only, so
/// never an entry at or after the boundary); nothing else is ever trimmed, and while the group does
/// not exist nothing is, except by the hard cap: a last resort against Redis running out of memory
/// during a long monitor outage, which loses events, so each one it trims unacknowledged is
/// counted. Read entries are a prefix of the stream, and the cap removes at most <c>XLEN - cap</c>
/// of the oldest, so counting the acknowledged ones among those first entries tells exactly how
/// many trimmed entries were not stored.
/// </remarks>
internal static class AuditTrimScript
{
    private const string TrimLimit = "10000";

    public const string Source = $$"""
        local stream = KEYS[1]
        local cap = tonumber(ARGV[1])
        if cap < 0 then
          return redis.error_reply('ERR the hard cap must be 0 (none) or more')
        end
        if redis.call('EXISTS', stream) == 0 then
          return { 0, 0, 0, 0, 0 }
        end
        local boundary = nil
        local oldest = nil
        local pendingCount = 0
        local undelivered = nil
        local lastDelivered = nil
        for _, group in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
          local fields = {}
          for j = 1, #group, 2 do
            fields[group[j]] = group[j + 1]
          end
          if fields['name'] == ARGV[2] then
            lastDelivered = fields['last-delivered-id']
            undelivered = tonumber(fields['lag'])
            local pending = redis.call('XPENDING', stream, ARGV[2])
            pendingCount = tonumber(pending[1])
            if pendingCount > 0 then
              boundary = pending[2]
              oldest = pending[2]
            else
              local ms, seq = string.match(lastDelivered, '^(%d+)-(%d+)$')
              boundary = ms .. '-' .. string.format('%d', tonumber(seq) + 1)
            end
          end
        end
        local acked = 0
        if boundary then
          acked = redis.call('XTRIM', stream, 'MINID', '~', boundary, 'LIMIT', {{TrimLimit}})
        end
        local capped = 0
        local unread = 0
        if cap > 0 then
          local over = redis.call('XLEN', stream) - cap
          if over > 0 then
            local read = 0
            if boundary then
              read = #redis.call('XRANGE', stream, '-', '(' .. boundary, 'COUNT', math.min(over, {{TrimLimit}}))
            end
            capped = redis.call('XTRIM', stream, 'MAXLEN', '~', cap, 'LIMIT', {{TrimLimit}})
            unread = capped - math.min(capped, read)
          end
        end
        local lagEntries
        if lastDelivered and undelivered then
          lagEntries = pendingCount + undelivered
        else
          lagEntries = redis.call('XLEN', stream)
        end
        if capped > 0 then
          lagEntries = math.min(lagEntries, redis.call('XLEN', stream))
        end
        if not oldest then
          local first
          if lastDelivered then
            first = redis.call('XRANGE', stream, '(' .. lastDelivered, '+', 'COUNT', 1)[1]
          else
            first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1]
          end
          if first then
            oldest = first[1]
          end
        end
        if oldest and capped > 0 then
          local first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1]
          if first then
            local om = tonumber(string.match(oldest, '^(%d+)-'))
            local fm = tonumber(string.match(first[1], '^(%d+)-'))
            if fm > om then
              oldest = first[1]
            end
          end
        end
        local lagMs = 0
        if oldest and lagEntries > 0 then
          local now = redis.call('TIME')
          local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
          lagMs = math.max(0, nowMs - tonumber(string.match(oldest, '^(%d+)-')))
        end
        return { acked, capped, unread, lagEntries, lagMs }
        """;
}
