namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>Audit stream types the member pages add to the protocol's own (<c>Audit.AuditEventTypes</c>).</summary>
internal static class MemberAuditTypes
{
    public const string IdentityVerificationFailed = "identity.verification_failed";
    public const string CodeFailed = "member.code_failed";
    public const string LockedOut = "member.locked_out";

    /// <summary>A code e-mail refused by a send limit.</summary>
    public const string Throttled = "member.throttled";

    /// <summary>A choice of another member's records, or of their sensitive categories, that the proxy rules refuse.</summary>
    public const string ProxyRefused = "member.proxy_refused";
}
