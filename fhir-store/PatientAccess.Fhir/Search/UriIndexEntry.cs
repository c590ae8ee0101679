namespace PatientAccess.Fhir.Search;

/// <summary>A uri, url or canonical, as written.</summary>
public sealed record UriIndexEntry(string Code, string Uri) : SearchIndexEntry(Code);
