namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// A member's sign-in: one e-mail address bound to the Patient whose identity was proved at
/// registration. The account id is the <c>sub</c> of every token issued through it.
/// </summary>
internal sealed class MemberAccountRecord
{
    public required string AccountId { get; set; }

    /// <summary>Lower-cased, trimmed; unique.</summary>
    public required string Email { get; set; }

    /// <summary>
    /// The member who registered. Not unique: a demo member has an account per developer who
    /// registered them; a real member has one (<see cref="MemberPatientClaimRecord"/> enforces it).
    /// </summary>
    public required string PatientId { get; set; }

    public long CreatedAt { get; set; }

    public long LastSignInAt { get; set; }
}
