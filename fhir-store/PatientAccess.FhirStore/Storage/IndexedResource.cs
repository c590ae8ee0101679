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
    IReadOnlyList<string> SensitiveLabels)
{
    /// <summary>
    /// The JSON already stamped as version 1 at <see cref="StampedAt"/>, made by the importer's
    /// parallel stage so the single writer does not have to; used when the resource turns out new.
    /// </summary>
    public string? FirstVersionJson { get; init; }

    public DateTimeOffset StampedAt { get; init; }
}
