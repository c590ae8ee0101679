namespace PatientAccess.Monitor.Storage;

/// <summary>
/// A stored AuditEvent: its JSON, serialized once when stored, and the columns the search
/// parameters use (date, agent, patient, outcome, subtype, address).
/// </summary>
internal sealed record AuditRow(
    string Id,
    long RecordedMs,
    string? ClientId,
    string? Patient,
    string Outcome,
    string? Subtype,
    string? Address,
    string Json);
