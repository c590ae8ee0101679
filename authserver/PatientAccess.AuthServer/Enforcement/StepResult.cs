namespace PatientAccess.AuthServer.Enforcement;

/// <summary>How one step ended: its state, its count (null where nothing is counted) and members skipped for want of an address.</summary>
internal sealed record StepResult(string State, int? Count, int? Skipped);
