namespace PatientAccess.FhirStore.Search;

/// <summary>One <c>_sort</c> key: a search parameter (or _id / _lastUpdated), descending with a leading '-'.</summary>
public sealed record SortKey(string Code, Fhir.Search.SearchParamType Type, bool Descending);
