namespace PatientAccess.AuthServer.Revocation;

/// <summary>One connected app as the member's "connected apps" page lists it.</summary>
internal sealed record MemberGrantView(string GrantId, string ClientId, string ClientName, string PatientId, string Scope, DateTimeOffset CreatedAt);
