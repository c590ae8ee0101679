using System.Globalization;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Audit;

/// <summary>
/// Appends events to the Redis stream <c>patientaccess:audit</c>. StackExchange.Redis 1.2.6
/// has no stream commands, so XADD goes through a one-line Lua script. The stream is shared
/// with the gateway, which owns its length cap (a configured, counted safety valve): this
/// producer appends with no MAXLEN at all, because any trim here would silently push out
/// other producers' events (issue 12, item 3).
/// </summary>
internal sealed class AuditTrail(RedisDispatcher dispatcher, TimeProvider time)
{
    public const string StreamKey = "patientaccess:audit";
    private const string XAddScript = "return redis.call('XADD', KEYS[1], '*', unpack(ARGV))";

    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var fields = new List<RedisValue>
        {
            "type", auditEvent.Type,
            "time", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            "service", "authserver",
            "client_id", auditEvent.ClientId,
        };
        AddIfPresent(fields, "grant_id", auditEvent.GrantId);
        AddIfPresent(fields, "member", auditEvent.MemberAccountId);
        AddIfPresent(fields, "detail", auditEvent.Detail);
        RedisValue[] arguments = [.. fields];
        dispatcher.Enqueue(new RedisWork("audit", (db, _) => db.ScriptEvaluateAsync(XAddScript, [StreamKey], arguments)));
    }

    private static void AddIfPresent(List<RedisValue> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(name);
            fields.Add(value);
        }
    }
}
