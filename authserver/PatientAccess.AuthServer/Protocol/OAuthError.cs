namespace PatientAccess.AuthServer.Protocol;

/// <summary>An error as RFC 6749 words it: a code from <see cref="OAuthErrors"/> and a human-readable description.</summary>
/// <remarks>Descriptions are ASCII and never echo a secret or a parameter value back.</remarks>
internal sealed record OAuthError(string Error, string Description)
{
    public static OAuthError InvalidRequest(string description) => new(OAuthErrors.InvalidRequest, description);

    public static OAuthError InvalidGrant(string description) => new(OAuthErrors.InvalidGrant, description);

    public static OAuthError InvalidClient(string description) => new(OAuthErrors.InvalidClient, description);

    public static OAuthError InvalidScope(string description) => new(OAuthErrors.InvalidScope, description);
}
