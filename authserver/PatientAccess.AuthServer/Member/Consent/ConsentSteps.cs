using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Member.Store;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>The services the sharing and approve steps share, injected together, and the proxy checks both make.</summary>
internal sealed record ConsentSteps(
    MemberSessions Sessions, ConsentState Consent, MemberDirectory Directory, ProxyAccessPolicy Policy, MemberMetrics Metrics, AuditTrail Audit)
{
    /// <summary>The chosen member as the store has them now, or null when the account no longer covers them.</summary>
    public async Task<CoveredMember?> ChosenAsync(string accountPatientId, string chosenPatientId, CancellationToken cancellationToken) =>
        (await Directory.CoveredMembersAsync(accountPatientId, cancellationToken)).FirstOrDefault(m => m.PatientId == chosenPatientId);

    /// <summary>Counts, audits and answers a choice the proxy rules refuse at <paramref name="step"/>.</summary>
    public async Task<IResult> RefuseAsync(
        HttpContext context, (PendingAuthorizationView Request, MemberAccountRecord Account) state, CoveredMember member, ProxyDecision decision, string step,
        CancellationToken cancellationToken)
    {
        Metrics.ProxyRefused(step);
        Audit.Record(new AuditEvent(MemberAuditTypes.ProxyRefused, state.Request.ClientId, MemberAccountId: state.Account.AccountId, Detail: step));
        var text = Localization.LanguageSelector.Resolve(context);
        return await ProxyRefusal.ShowAsync(context, Consent, state.Request, decision.Reason(text, member, Policy.AdultAge), cancellationToken);
    }
}
