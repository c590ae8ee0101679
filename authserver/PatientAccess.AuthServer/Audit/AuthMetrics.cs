using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PatientAccess.AuthServer.Audit;

/// <summary>The server's own instruments, exposed on <c>/metrics</c> with everything else.</summary>
internal sealed class AuthMetrics
{
    public const string MeterName = "PatientAccess.AuthServer";

    private readonly Counter<long> _redisFailures;
    private readonly Counter<long> _redisDropped;
    private readonly Counter<long> _clientAuthFailures;
    private readonly Counter<long> _tokensIssued;
    private readonly Counter<long> _memberMails;
    private readonly Counter<long> _appEvents;

    public AuthMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _redisFailures = meter.CreateCounter<long>("authserver.redis.failures", description: "Redis writes (audit events, revocation pushes) that failed");
        _redisDropped = meter.CreateCounter<long>("authserver.redis.dropped", description: "Redis writes dropped because the queue was full");
        _clientAuthFailures = meter.CreateCounter<long>("authserver.client_authentication.failures", description: "Failed client authentications; throttled=true: answered 429 and not audited one by one");
        _tokensIssued = meter.CreateCounter<long>("authserver.tokens.issued", description: "Access tokens issued, by grant type");
        _memberMails = meter.CreateCounter<long>("authserver.member_mail", description: "Sign-in code e-mails by outcome (sent, failed): failures mean members cannot sign in");
        _appEvents = meter.CreateCounter<long>("authserver.app.events", description: "Audit events of registered apps by type and client_id (grants, tokens, revocations, status changes with their status, reuse)");
    }

    public void RedisFailed(string kind) => _redisFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void RedisDropped(string kind) => _redisDropped.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void ClientAuthenticationFailed(bool throttled) =>
        _clientAuthFailures.Add(1, new KeyValuePair<string, object?>("throttled", throttled ? "true" : "false"));

    public void MemberMail(bool sent) => _memberMails.Add(1, new KeyValuePair<string, object?>("outcome", sent ? "sent" : "failed"));

    public void TokenIssued(string grantType) => _tokensIssued.Add(1, new KeyValuePair<string, object?>("grant_type", grantType));

    /// <summary>
    /// Audit event types whose client_id is a registered app (checked before the event is recorded),
    /// so the per-app label stays a bounded set; a failed client authentication names whatever
    /// client_id the caller sent and is counted without it (<c>authserver.client_authentication.failures</c>).
    /// </summary>
    private static readonly HashSet<string> PerAppTypes = new(StringComparer.Ordinal)
    {
        AuditEventTypes.GrantApproved, AuditEventTypes.GrantDenied, AuditEventTypes.TokenIssued, AuditEventTypes.TokenRefreshed,
        AuditEventTypes.TokenRevoked, AuditEventTypes.GrantRevoked, AuditEventTypes.ClientStatusChanged,
        AuditEventTypes.CodeReused, AuditEventTypes.RefreshTokenReused,
    };

    /// <summary>Counts an audit event per app, for the per-app dashboard and the baseline alert.</summary>
    public void AppEvent(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        if (!PerAppTypes.Contains(auditEvent.Type))
        {
            return;
        }

        var tags = new TagList { { "type", auditEvent.Type }, { "client_id", auditEvent.ClientId } };
        if (auditEvent.Type == AuditEventTypes.ClientStatusChanged)
        {
            // The new status (a ClientStatus name or "reinstated"): a handful of values.
            tags.Add("status", auditEvent.Detail ?? "unknown");
        }

        _appEvents.Add(1, tags);
    }
}
