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

    /// <summary>The member who registered; unique, so one member cannot be registered twice.</summary>
    public required string PatientId { get; set; }

    public long CreatedAt { get; set; }

    public long LastSignInAt { get; set; }
}
