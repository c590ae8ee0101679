using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Localization;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>Whether the account holder may share one covered member's records, and if not, why (a text key).</summary>
internal sealed record ProxyDecision(bool Offered, string? ReasonKey)
{
    public static ProxyDecision Allowed { get; } = new(true, null);

    /// <summary>The reason in the member's words, naming the member; empty when offered.</summary>
    public string Reason(MemberText text, CoveredMember member, int adultAge)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(member);
        return ReasonKey is null ? string.Empty : text.Format(ReasonKey, member.DisplayName, adultAge);
    }
}
