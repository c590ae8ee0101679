namespace PatientAccess.Fhir.Search;

/// <summary>
/// One indexed value of one search parameter of a resource. The concrete record says what
/// kind of value it is; a parameter with several values has several entries.
/// </summary>
public abstract record SearchIndexEntry(string Code);
