namespace PatientAccess.AuthServer.Tokens;

/// <summary>What one successful token request hands out.</summary>
internal sealed record IssuedTokens(string AccessToken, string Jti, long ExpiresIn, string Scope, string? IdToken);
