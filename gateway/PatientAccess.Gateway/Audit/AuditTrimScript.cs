namespace PatientAccess.Gateway.Audit;

/// <summary>
/// Applies the stream's one cap and counts what the trim lost unread, in one atomic call.
/// KEYS[1]: the stream. ARGV[1]: the cap (<see cref="AuditOptions.MaxStreamLength"/>); ARGV[2]: the
/// consumer group whose reading decides what a trim loses (<see cref="AuditOptions.ConsumerGroup"/>).
/// Returns { trimmed, trimmed unread }. Needs Redis 6.2 or later (XTRIM LIMIT, exclusive ranges).
/// </summary>
/// <remarks>
/// Lua, not StackExchange.Redis' <c>StreamTrimAsync</c>/<c>StreamGroupInfoAsync</c>/<c>StreamPendingAsync</c>,
/// because atomicity is the point: the group's read position, the count and the trim must come from
/// one snapshot. The monitor acknowledges and other producers append while the gateway trims; with
/// separate calls an acknowledgement or append landing between the count and the trim makes the
/// count wrong, and it is the one record of events lost unread.
/// The cap is a safety valve, not retention: <c>XTRIM MAXLEN ~</c> removes whole nodes of the
/// oldest entries, never leaving fewer than the cap, at most <c>TrimLimit</c> per call. An entry
/// counts as read once the group has it acknowledged: up to its last-delivered id, or, while it
/// has pending entries, up to (not including) the oldest pending one. Read entries are a prefix
/// of the stream, and a trim removes at most <c>XLEN - cap</c> of the oldest, so counting the read
/// ones among those first entries tells exactly how many trimmed entries were unread. Without the
/// group (no monitor yet) every trimmed entry is unread. The count is bounded by the trim limit and
/// only needed while the group has read something still in the stream.
/// </remarks>
internal static class AuditTrimScript
{
    private const string TrimLimit = "10000";

    public const string Source = $$"""
        local stream = KEYS[1]
        local cap = tonumber(ARGV[1])
        local over = redis.call('XLEN', stream) - cap
        if over <= 0 then
          return { 0, 0 }
        end
        local function parse(id)
          local ms, seq = string.match(id, '^(%d+)-(%d+)$')
          return tonumber(ms), tonumber(seq)
        end
        local function before(a, b)
          local am, as = parse(a)
          local bm, bs = parse(b)
          return am < bm or (am == bm and as < bs)
        end
        local readEnd = nil
        for _, group in ipairs(redis.call('XINFO', 'GROUPS', stream)) do
          local fields = {}
          for j = 1, #group, 2 do
            fields[group[j]] = group[j + 1]
          end
          if fields['name'] == ARGV[2] then
            readEnd = fields['last-delivered-id']
            local pending = redis.call('XPENDING', stream, ARGV[2])
            if tonumber(pending[1]) > 0 then
              readEnd = '(' .. pending[2]
            end
          end
        end
        local read = 0
        local first = redis.call('XRANGE', stream, '-', '+', 'COUNT', 1)[1][1]
        local boundary = readEnd and string.gsub(readEnd, '^%(', '') or nil
        if boundary and not before(boundary, first) then
          read = #redis.call('XRANGE', stream, '-', readEnd, 'COUNT', math.min(over, {{TrimLimit}}))
        end
        local trimmed = redis.call('XTRIM', stream, 'MAXLEN', '~', cap, 'LIMIT', {{TrimLimit}})
        return { trimmed, trimmed - math.min(trimmed, read) }
        """;
}
