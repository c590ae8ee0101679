namespace PatientAccess.Fhir.Search;

/// <summary>
/// A reference: <see cref="ResourceType"/> and <see cref="Id"/> when the reference names them
/// (<c>Patient/123</c>, or an absolute URL ending in <c>/Patient/123</c>), and the whole string
/// in <see cref="Url"/> for absolute URLs and canonicals.
/// </summary>
public sealed record ReferenceIndexEntry(string Code, string? ResourceType, string? Id, string? Url) : SearchIndexEntry(Code);
