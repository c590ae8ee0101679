namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>A member whose records an account may share: the account holder, or their spouse or child on the same plan.</summary>
/// <param name="PatientId">The FHIR Patient id.</param>
/// <param name="DisplayName">The name as the plan records it.</param>
/// <param name="Relationship">self, spouse or child (HL7 subscriber-relationship).</param>
internal sealed record CoveredMember(string PatientId, string DisplayName, string Relationship);
