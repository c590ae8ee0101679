using System.Globalization;
using StackExchange.Redis;

namespace PatientAccess.AuthServer.Audit;

/// <summary>
/// Appends events to the Redis stream <c>patientaccess:audit</c> (<c>XADD key * ...</c>). The stream is shared
/// with the gateway, which owns its length cap (a configured, counted safety valve): this
/// producer appends with no MAXLEN at all, because any trim here would silently push out
/// other producers' events (issue 12, item 3).
/// </summary>
internal sealed class AuditTrail(RedisDispatcher dispatcher, TimeProvider time, AuthMetrics metrics)
{
    public const string StreamKey = "patientaccess:audit";

    public void Record(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        metrics.AppEvent(auditEvent);
        var fields = new List<NameValueEntry>
        {
            new("type", auditEvent.Type),
            new("time", time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            new("service", "authserver"),
            new("client_id", auditEvent.ClientId),
        };
        AddIfPresent(fields, "grant_id", auditEvent.GrantId);
        AddIfPresent(fields, "member", auditEvent.MemberAccountId);
        AddIfPresent(fields, "detail", auditEvent.Detail);
        AddIfPresent(fields, "actor", auditEvent.Actor);
        AddIfPresent(fields, "reason", auditEvent.Reason);
        NameValueEntry[] entry = [.. fields];
        // No maxLength: the default appends with no MAXLEN at all.
        dispatcher.Enqueue(new RedisWork("audit", (db, _) => db.StreamAddAsync(StreamKey, entry)));
    }

    private static void AddIfPresent(List<NameValueEntry> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new(name, value));
        }
    }
}
