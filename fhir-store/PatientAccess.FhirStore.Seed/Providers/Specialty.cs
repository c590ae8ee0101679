using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>A NUCC provider taxonomy specialty and the credential its practitioners sign with.</summary>
internal sealed record Specialty(CodedConcept Taxonomy, string Credential, int Headcount);
