using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Search;

/// <summary>One page of results: the matches, what they include, the neighbouring pages' cursors, and the total if asked.</summary>
public sealed record SearchPage(
    IReadOnlyList<StoredResource> Matches,
    IReadOnlyList<StoredResource> Included,
    PageCursor? Next,
    PageCursor? Previous,
    int? Total);
