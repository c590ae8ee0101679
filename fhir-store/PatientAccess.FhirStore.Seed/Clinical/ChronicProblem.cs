using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>A chronic condition as written for one member: its Condition reference and the drug chosen to treat it.</summary>
internal sealed record ChronicProblem(ChronicCondition Condition, string Reference, Drug? Treatment);
