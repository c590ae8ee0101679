namespace PatientAccess.FhirStore.Import;

/// <summary>
/// One NDJSON line to import. <see cref="ExpectedType"/> is set when the input is declared to
/// hold one resource type (a <c>Patient.ndjson</c> file, <c>$import?type=Patient</c>); a line of
/// another type is then rejected rather than stored where nobody expects it.
/// </summary>
public sealed record ImportInput(string Source, int Line, string Json, string? ExpectedType);
