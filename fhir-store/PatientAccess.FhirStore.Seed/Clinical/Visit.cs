using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>An Encounter that has been written, with what later resources of the visit refer to.</summary>
internal sealed record Visit(string Reference, DateOnly Date, DateTime Start, DateTime End, Clinician Clinician, ProviderSite Site, SensitivityCategory? Label);
