namespace PatientAccess.AuthServer.Tokens;

/// <summary>The claims of an access token that is signed by us, unexpired and not revoked.</summary>
internal sealed record ValidatedAccessToken(
    string Jti,
    string Subject,
    string ClientId,
    string GrantId,
    string Scope,
    string Patient,
    string? FhirUser,
    string Audience,
    long IssuedAt,
    long ExpiresAt,
    IReadOnlyList<string> SensitiveCategories);
