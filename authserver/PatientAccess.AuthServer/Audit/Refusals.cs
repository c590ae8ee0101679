namespace PatientAccess.AuthServer.Audit;

/// <summary>
/// Every refusal at the authserver leaves two traces: an audit event on the stream (for the
/// monitor and the audit trail) and a log line (for whoever reads this server's log). Reasons are
/// this server's own fixed texts, never what the caller sent: no secret, code or token reaches
/// either. A client id that is not registered is written as <c>-</c>, so made-up ids cannot be
/// used to put arbitrary text into the log or grow per-app series.
/// </summary>
internal sealed partial class Refusals(AuditTrail audit, ILogger<Refusals> logger)
{
    public const string UnknownClient = "-";

    public void Record(HttpContext? context, string type, string clientId, string reason, string? grantId = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(clientId);
        ArgumentNullException.ThrowIfNull(reason);
        var endpoint = context?.Request.Path.Value ?? "-";
        audit.Record(new AuditEvent(type, clientId, grantId, Detail: reason + " (" + endpoint + ")"));
        LogRefused(logger, type, clientId, endpoint, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Type}: client {ClientId} at {Endpoint}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string type, string clientId, string endpoint, string reason);
}
