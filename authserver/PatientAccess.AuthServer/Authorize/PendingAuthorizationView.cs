using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>What the consent page shows about a pending request: the app, and what it may be granted.</summary>
/// <param name="Description">What the app's listing tells members about it (Clients/ClientListingRecord); null when it has none.</param>
/// <param name="TestFlow">Started at the plan's test flow (<see cref="Authorize.TestFlow"/>): demo members only.</param>
internal sealed record PendingAuthorizationView(
    string RequestId,
    string ClientId,
    string ClientName,
    string? LogoUri,
    string? Website,
    ClientStatus ClientStatus,
    IReadOnlyList<string> GrantableScopes,
    DateTimeOffset ExpiresAt,
    bool TestFlow = false,
    string? Description = null);
