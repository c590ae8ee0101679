namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>The identity of one member of the demo family account.</summary>
public sealed record FamilyMember(string PatientId, string MemberId, string GivenName, string Gender, DateOnly BirthDate, string Relationship)
{
    public string CoverageId => "cov-" + PatientId;
}
