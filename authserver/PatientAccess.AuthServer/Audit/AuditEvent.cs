namespace PatientAccess.AuthServer.Audit;

/// <summary>An authorization event for the monitor. Identifiers only: no secret, token or personal detail.</summary>
internal sealed record AuditEvent(string Type, string ClientId, string? GrantId = null, string? MemberAccountId = null, string? Detail = null);
