using System.Globalization;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Audit;

/// <summary>
/// Appends events to the Redis stream <c>patientaccess:audit</c>. StackExchange.Redis 1.2.6
/// has no stream commands, so XADD goes through a one-line Lua script; MAXLEN ~ caps the
/// stream so a monitor that is down for a long time cannot fill Redis.
/// </summary>
internal sealed class AuditTrail(RedisDispatcher dispatcher, TimeProvider time)
{
    public const string StreamKey = "patientaccess:audit";
    private const long MaxLength = 1_000_000;
    private const string XAddScript = "return redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(ARGV, 2))";

    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var fields = new List<RedisValue>
        {
            MaxLength,
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
