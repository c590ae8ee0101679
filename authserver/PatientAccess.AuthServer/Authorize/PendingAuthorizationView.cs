using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>What the consent page shows about a pending request: the app, and what it may be granted.</summary>
internal sealed record PendingAuthorizationView(
    string RequestId,
    string ClientId,
    string ClientName,
    string? LogoUri,
    string? Website,
    ClientStatus ClientStatus,
    IReadOnlyList<string> GrantableScopes,
    DateTimeOffset ExpiresAt);
