using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Staff;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// After a decision: an audit event naming the actor (a key fingerprint, never the key), and a
/// mail to the developer in the language they used, with the reason. A mail that cannot be sent
/// is logged by the sender and does not undo the decision (the portal shows it too).
/// </summary>
internal sealed class DecisionNotifier(IMailSender mail, AuditTrail audit)
{
    public async Task NotifyAsync(ProductionRequestRecord request, bool approved, string reason, StaffActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        audit.Record(new AuditEvent(approved ? ProductionAudit.Approved : ProductionAudit.Denied, request.ClientId, Detail: "actor=" + actor.Id));
        var t = MemberText.For(request.Language);
        var outcome = approved ? "approved" : "denied";
        await mail.SendAsync(new OutgoingMail(
            request.DeveloperEmail,
            t.Format($"production.mail.{outcome}.subject", request.ClientId),
            t.Format($"production.mail.{outcome}.body", request.ClientId, reason),
            t.Language), cancellationToken);
    }
}
