using PatientAccess.Gateway.Scopes;

namespace PatientAccess.Gateway.Tokens;

/// <summary>The claims of a verified access token that the later steps use.</summary>
public sealed record AccessToken(
    string Jti,
    string ClientId,
    string Subject,
    string? GrantId,
    string? Patient,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> SensitiveCategories,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>The resource grants of <see cref="Scopes"/>, parsed once per token rather than on each of its requests.</summary>
    public ScopeSet Grants { get; } = ScopeSet.Parse(Scopes);
}
