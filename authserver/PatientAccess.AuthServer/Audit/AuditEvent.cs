namespace PatientAccess.AuthServer.Audit;

/// <summary>
/// An authorization event for the monitor. Identifiers only: no secret, token or personal detail.
/// <paramref name="Actor"/> and <paramref name="Reason"/> say who did an admin, staff or monitor
/// action and why (written as the stream fields <c>actor</c> and <c>reason</c> when present).
/// </summary>
internal sealed record AuditEvent(
    string Type, string ClientId, string? GrantId = null, string? MemberAccountId = null, string? Detail = null, string? Actor = null, string? Reason = null);
