using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>A token response body (RFC 6749 §5.1) or the error to send instead (§5.2).</summary>
internal sealed record TokenOutcome(JsonObject? Body, OAuthError? Error)
{
    public static TokenOutcome Fail(OAuthError error) => new(null, error);

    public static TokenOutcome Success(IssuedTokens tokens, GrantRecord grant, string? refreshToken)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(grant);
        var body = new JsonObject
        {
            ["access_token"] = tokens.AccessToken,
            ["token_type"] = "Bearer",
            ["expires_in"] = tokens.ExpiresIn,
            ["scope"] = tokens.Scope,
            ["patient"] = grant.PatientId,
        };
        if (tokens.IdToken is not null)
        {
            body["id_token"] = tokens.IdToken;
        }

        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        return new TokenOutcome(body, null);
    }
}
