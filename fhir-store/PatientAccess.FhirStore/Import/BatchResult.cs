using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Import;

/// <summary>What writing one import batch did; duplicates are lines superseded by a later line for the same resource.</summary>
internal sealed record BatchResult(IReadOnlyList<UpsertOutcome> Outcomes, int Duplicates);
