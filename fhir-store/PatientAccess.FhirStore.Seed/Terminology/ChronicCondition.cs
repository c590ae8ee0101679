namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>A long-standing problem: who tends to have it, what treats it, which lab watches it.</summary>
internal sealed record ChronicCondition(CodedConcept Diagnosis, int MinimumAge, double Prevalence, IReadOnlyList<Drug> Treatments, LabPanel? Monitoring);
