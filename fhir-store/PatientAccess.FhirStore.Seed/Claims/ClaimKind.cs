namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>The four CARIN Blue Button ExplanationOfBenefit profiles.</summary>
internal enum ClaimKind
{
    InpatientInstitutional,
    OutpatientInstitutional,
    Professional,
    Pharmacy,
}
