namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>A member on the account holder's plan: the account holder, or a dependent whose Coverage names them as subscriber.</summary>
/// <param name="PatientId">The FHIR Patient id.</param>
/// <param name="DisplayName">The name as the plan records it.</param>
/// <param name="Relationship">self, or the dependent's HL7 subscriber-relationship to the account holder (spouse, child...).</param>
/// <param name="BirthDate">The Patient's <c>birthDate</c> as the store has it (FHIR date, possibly partial); null when missing.</param>
internal sealed record CoveredMember(string PatientId, string DisplayName, string Relationship, string? BirthDate)
{
    public const string Self = "self";

    public bool IsSelf => Relationship == Self;
}
