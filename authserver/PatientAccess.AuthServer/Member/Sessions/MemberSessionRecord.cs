using PatientAccess.AuthServer.Member.Codes;

namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// One browser's way through the member pages, kept on the server: the cookie holds only a
/// random handle, the table its hash. Times are Unix seconds, as in every other table.
/// </summary>
internal sealed class MemberSessionRecord : ICodeSlot
{
    public required string SessionHash { get; set; }

    /// <summary>The pending authorize request this browser is completing, if any.</summary>
    public string? RequestId { get; set; }

    /// <summary>The Patient whose identity was proved on the registration form (before the account exists).</summary>
    public string? VerifiedPatientId { get; set; }

    /// <summary>The address a code was sent to; becomes the account's sign-in address.</summary>
    public string? Email { get; set; }

    /// <summary>Why the code was sent: registration (create the account) or sign-in.</summary>
    public bool Registering { get; set; }

    /// <summary>See <see cref="Codes.EmailCodes"/>: bound to the session handle, so the table alone cannot be brute-forced.</summary>
    public string? CodeHash { get; set; }

    public long CodeExpiresAt { get; set; }

    public int CodeAttempts { get; set; }

    /// <summary>Set once a code was confirmed: the member is signed in.</summary>
    public string? AccountId { get; set; }

    /// <summary>The member whose records the member chose to share for <see cref="RequestId"/>.</summary>
    public string? ChosenPatientId { get; set; }

    /// <summary>Space-separated ActCodes opted in to; null until the sensitive-categories page was answered.</summary>
    public string? SensitiveCategories { get; set; }

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }
}
