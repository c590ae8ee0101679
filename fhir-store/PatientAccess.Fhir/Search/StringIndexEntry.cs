namespace PatientAccess.Fhir.Search;

/// <summary>
/// A string: <see cref="Normalized"/> (lower case, accents removed) for the default
/// starts-with and <c>:contains</c> matching, <see cref="Exact"/> as written for <c>:exact</c>.
/// </summary>
public sealed record StringIndexEntry(string Code, string Normalized, string Exact) : SearchIndexEntry(Code);
