namespace PatientAccess.AuthServer.Revocation;

/// <summary>One connected app as the member's "connected apps" page lists it.</summary>
/// <param name="SensitiveCategories">The ActCode codes of the sensitive categories the member chose to share with it.</param>
/// <param name="LogoUri">The app's registered logo, if any.</param>
internal sealed record MemberGrantView(
    string GrantId, string ClientId, string ClientName, string PatientId, string Scope, DateTimeOffset CreatedAt,
    IReadOnlyList<string>? SensitiveCategories = null, string? LogoUri = null);
