namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// A real (non-demo) member's one account: the primary key on <see cref="PatientId"/> is what
/// keeps a real member to a single account, decided by the database inside the same transaction
/// that creates the account, so two registrations racing each other cannot both win. Demo members
/// (<see cref="MemberAppOptions.EffectiveDemoPatientIds"/>) have no claim: every developer may
/// register them with an address of their own.
/// </summary>
internal sealed class MemberPatientClaimRecord
{
    public required string PatientId { get; set; }

    public required string AccountId { get; set; }

    public long CreatedAt { get; set; }
}
