using PatientAccess.AuthServer.Clients;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>What the consent page shows about a pending request: the app, and what it may be granted.</summary>
/// <param name="RequestId">The pending request.</param>
/// <param name="ClientId">The app.</param>
/// <param name="ClientName">The app's name.</param>
/// <param name="LogoUri">The app's registered logo.</param>
/// <param name="Website">The app's website.</param>
/// <param name="ClientStatus">Sandbox or production (a blocked app's request cannot complete).</param>
/// <param name="GrantableScopes">What the request may be granted.</param>
/// <param name="ExpiresAt">When the request expires.</param>
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
