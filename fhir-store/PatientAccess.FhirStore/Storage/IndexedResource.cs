using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// A resource ready to be written: its JSON (without version metadata), its search index
/// entries, the patients whose compartments it is in, and its sensitivity labels.
/// </summary>
public sealed record IndexedResource(
    string Type,
    string Id,
    string Json,
    IReadOnlyList<SearchIndexEntry> Entries,
    IReadOnlyList<string> CompartmentPatients,
    IReadOnlyList<string> SensitiveLabels);
