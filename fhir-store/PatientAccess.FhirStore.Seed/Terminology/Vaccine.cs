namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>A CVX vaccine and the ages (in years, inclusive) it is given at.</summary>
internal sealed record Vaccine(CodedConcept Code, int MinimumAge, int MaximumAge);
