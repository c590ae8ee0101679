namespace PatientAccess.Gateway.Audit;

/// <summary>
/// XADD for a batch of events in one call (StackExchange.Redis 1.2.6 has no stream API and no
/// <c>Execute</c>). KEYS[1]: the stream. ARGV[1]: approximate max length; then id, event pairs.
/// </summary>
internal static class AuditStreamScript
{
    public const string Source = """
        local added = 0
        for i = 2, #ARGV, 2 do
          redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 'id', ARGV[i], 'event', ARGV[i + 1])
          added = added + 1
        end
        return added
        """;
}
