namespace PatientAccess.Fhir.Search;

/// <summary>A decimal or integer value.</summary>
public sealed record NumberIndexEntry(string Code, decimal Value) : SearchIndexEntry(Code);
