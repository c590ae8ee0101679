using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Discovery;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Refresh;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Revocation;

/// <summary>
/// Token revocation (RFC 7009). Revoking a refresh token ends its whole grant, access tokens
/// included (§2.1 "SHOULD"); revoking an access token lists its jti. Unknown, expired or
/// already revoked tokens answer 200, as §2.2 requires.
/// </summary>
internal static class RevokeApi
{
    public static RouteGroupBuilder MapRevokeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/oauth2").RequireCors(CorsPolicies.TokenEndpoints);
        group.MapPost("/revoke", HandleAsync);
        return group;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context,
        ClientAuthenticator authenticator,
        AccessTokenValidator accessTokens,
        RefreshTokenService refreshTokens,
        RevocationList revocations,
        AuditTrail audit,
        Refusals refusals,
        CancellationToken cancellationToken)
    {
        var (form, authenticated, failure) = await authenticator.ReadAuthenticatedAsync(context, allowPublic: true, cancellationToken);
        if (failure is not null)
        {
            return failure;
        }

        if (form!["token"] is not { } token)
        {
            return OAuthResults.Error(context, OAuthError.InvalidRequest("token is required"));
        }

        var client = authenticated!;
        var notOwner = OAuthError.InvalidRequest("the token was not issued to this client");
        if (token.Count(c => c == '.') == 2)
        {
            if (await accessTokens.ValidateAsync(token, cancellationToken) is { } access)
            {
                if (access.ClientId != client.ClientId)
                {
                    refusals.Record(context, AuditEventTypes.RevocationRefused, client.ClientId, "access token of another client");
                    return OAuthResults.Error(context, notOwner);
                }

                await revocations.RevokeAccessTokenAsync(access.Jti, access.ExpiresAt, cancellationToken);
                audit.Record(new AuditEvent(AuditEventTypes.TokenRevoked, client.ClientId, access.GrantId, access.Subject, "access_token"));
            }
        }
        else if (await refreshTokens.FindAsync(token, cancellationToken) is { } refresh)
        {
            if (refresh.ClientId != client.ClientId)
            {
                refusals.Record(context, AuditEventTypes.RevocationRefused, client.ClientId, "refresh token of another client");
                return OAuthResults.Error(context, notOwner);
            }

            await revocations.RevokeGrantAsync(refresh.GrantId, cancellationToken);
            audit.Record(new AuditEvent(AuditEventTypes.TokenRevoked, client.ClientId, refresh.GrantId, Detail: "refresh_token"));
        }

        OAuthResults.NoStore(context);
        return Results.Ok();
    }
}
