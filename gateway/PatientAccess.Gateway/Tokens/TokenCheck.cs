namespace PatientAccess.Gateway.Tokens;

/// <summary>The token step's answer: the token, or the RFC 6750 error and a description safe to return.</summary>
public sealed record TokenCheck(AccessToken? Token, string Error, string Description, bool Revoked = false)
{
    public static TokenCheck Valid(AccessToken token) => new(token, string.Empty, string.Empty);

    public static TokenCheck Invalid(string description) => new(null, "invalid_token", description);
}
