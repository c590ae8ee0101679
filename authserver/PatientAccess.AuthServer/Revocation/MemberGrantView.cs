namespace PatientAccess.AuthServer.Revocation;

/// <summary>One connected app as the member's "connected apps" page lists it.</summary>
/// <param name="GrantId">The grant.</param>
/// <param name="ClientId">The app.</param>
/// <param name="ClientName">The app's name.</param>
/// <param name="PatientId">Whose records are shared.</param>
/// <param name="Scope">The granted scopes.</param>
/// <param name="CreatedAt">When the member allowed the app.</param>
/// <param name="SensitiveCategories">The ActCode codes of the sensitive categories the member chose to share with it.</param>
/// <param name="LogoUri">The app's registered logo, if any.</param>
internal sealed record MemberGrantView(
    string GrantId, string ClientId, string ClientName, string PatientId, string Scope, DateTimeOffset CreatedAt,
    IReadOnlyList<string>? SensitiveCategories = null, string? LogoUri = null);
