namespace PatientAccess.FhirStore.Import;

/// <summary>A rejected NDJSON line: where it was and why it was refused.</summary>
public sealed record ImportLine(string Source, int Line, string? Detail);
