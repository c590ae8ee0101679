namespace PatientAccess.AuthServer.Clients;

/// <summary>What registering an app takes (the developer portal and the demo seeding both use it).</summary>
internal sealed record ClientRegistration(
    string ClientId,
    string Name,
    ClientType Type,
    ClientStatus Status,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> AllowedScopes,
    string? LogoUri = null,
    string? Website = null,
    int? RateLimitBurst = null,
    double? RateLimitPerSecond = null);
