using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.ServiceDefaults.ClientAddress;

namespace PatientAccess.AuthServer.Member.Security;

/// <summary>
/// Limits code e-mails per address, per address and client, and per client (see
/// <see cref="MemberAppOptions.CodeSendsPerAccount"/> and its neighbours), in the lockout table
/// so every replica shares the counts. Asked before a code is sent; a send is counted once it was
/// answered as sent, whether or not the address has an account (nothing is delivered then, but it
/// looks and counts the same), so neither the limit nor its answer tells who has an account.
/// </summary>
internal sealed class CodeSendThrottle(Lockouts lockouts, ClientAddressResolver addresses, IOptions<MemberAppOptions> options, MemberMetrics metrics, AuditTrail audit)
{
    /// <summary>True when another code may be sent to <paramref name="email"/> for this client; a refusal is counted and audited.</summary>
    public async Task<bool> AllowsAsync(HttpContext context, string email, CancellationToken cancellationToken)
    {
        if (!await lockouts.IsLockedAsync(Subjects(context, email), cancellationToken))
        {
            return true;
        }

        metrics.Throttled("code_send");
        audit.Record(new AuditEvent(MemberAuditTypes.Throttled, "member-app", Detail: "code_send"));
        return false;
    }

    public Task CountAsync(HttpContext context, string email, CancellationToken cancellationToken) =>
        lockouts.RecordFailureAsync(Subjects(context, email), cancellationToken);

    private LockoutSubject[] Subjects(HttpContext context, string email)
    {
        var o = options.Value;
        var address = addresses.KeyOf(context);
        return
        [
            new("send-account:" + email, o.CodeSendsPerAccount, false, o.CodeSendWindowMinutes),
            new("send-account-address:" + address + " " + email, o.CodeSendsPerAccountPerAddress, false, o.CodeSendWindowMinutes),
            new("send-address:" + address, o.CodeSendsPerAddress, false, o.CodeSendAddressWindowMinutes),
        ];
    }
}
