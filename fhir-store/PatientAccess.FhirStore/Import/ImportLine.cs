namespace PatientAccess.FhirStore.Import;

/// <summary>What happened to one NDJSON line: stored (created, updated, unchanged) or rejected with the reason.</summary>
public sealed record ImportLine(string Source, int Line, string Outcome, string? Resource, string? Detail);
