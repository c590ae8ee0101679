using PatientAccess.AuthServer.Member.Codes;

namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>
/// A developer's session, kept on the server: the cookie or bearer token holds a random 256-bit
/// handle, this table only its hash. Before the code is confirmed it carries the address the
/// code went to (and, for a sign-up, the name); once confirmed a new session with a new handle
/// replaces it, so a handle seen before sign-in is never a signed-in one.
/// </summary>
internal sealed class DeveloperSessionRecord : ICodeSlot
{
    public required string SessionHash { get; set; }

    /// <summary>Set once a code was confirmed: the developer is signed in.</summary>
    public string? DeveloperId { get; set; }

    /// <summary>Where the code was sent (before sign-in).</summary>
    public string? Email { get; set; }

    /// <summary>The name given at sign-up, until the account is made.</summary>
    public string? Name { get; set; }

    /// <summary>Why the code was sent: sign-up (create the account) or sign-in.</summary>
    public bool Registering { get; set; }

    /// <summary>SHA-256 of the handle and the code together: the table alone cannot be searched for codes.</summary>
    public string? CodeHash { get; set; }

    public long CodeExpiresAt { get; set; }

    public int CodeAttempts { get; set; }

    public long CreatedAt { get; set; }

    /// <summary>Idle expiry, slid forward by use; never beyond <see cref="EndsAt"/>.</summary>
    public long ExpiresAt { get; set; }

    /// <summary>The latest the session may last, however busy.</summary>
    public long EndsAt { get; set; }
}
