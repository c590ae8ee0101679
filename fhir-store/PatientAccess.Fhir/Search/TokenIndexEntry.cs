namespace PatientAccess.Fhir.Search;

/// <summary>
/// A token: <see cref="System"/> and <see cref="Value"/> (Coding system|code, Identifier
/// system|value, ContactPoint value, a code, "true"/"false"); <see cref="Text"/> is the
/// normalized display or text that the <c>:text</c> modifier searches. An entry with only a
/// text comes from CodeableConcept.text.
/// </summary>
public sealed record TokenIndexEntry(string Code, string? System, string? Value, string? Text) : SearchIndexEntry(Code);
