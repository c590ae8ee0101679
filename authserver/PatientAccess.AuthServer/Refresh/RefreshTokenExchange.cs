using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Scopes;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Refresh;

/// <summary>The refresh_token grant (RFC 6749 §6): rotation, reuse detection, optional narrower scope.</summary>
internal sealed class RefreshTokenExchange(
    IDbContextFactory<AuthDbContext> contexts,
    RefreshTokenService refreshTokens,
    TokenIssuer issuer,
    RevocationList revocations,
    AuditTrail audit,
    AuthMetrics metrics)
{
    public async Task<TokenOutcome> ExchangeAsync(ClientRecord client, OAuthParameters form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        if (form["refresh_token"] is not { } presented)
        {
            return TokenOutcome.Fail(OAuthError.InvalidRequest("refresh_token is required"));
        }

        var redemption = await refreshTokens.RedeemAsync(presented, client.ClientId, cancellationToken);
        if (redemption.ReusedGrantId is { } reusedGrant)
        {
            // RFC 9700 §4.14.2: either the app or an attacker holds a stale copy; end the family.
            await revocations.RevokeGrantAsync(reusedGrant, cancellationToken);
            audit.Record(new AuditEvent(AuditEventTypes.RefreshTokenReused, client.ClientId, reusedGrant));
            return TokenOutcome.Fail(OAuthError.InvalidGrant(redemption.Error!));
        }

        if (redemption.Token is not { } token)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant(redemption.Error!));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.GrantId == token.GrantId, cancellationToken);
        if (grant is null || grant.RevokedAt is not null)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization was revoked"));
        }

        var scope = grant.Scope;
        if (form["scope"] is { } requested)
        {
            // §6: the new scope must not include anything the member did not grant.
            if (!ScopePolicy.IsSubset(requested, grant.Scope))
            {
                return TokenOutcome.Fail(OAuthError.InvalidScope("the requested scope exceeds the scope granted"));
            }

            scope = string.Join(' ', ScopePolicy.Split(requested).Distinct(StringComparer.Ordinal));
        }

        var tokens = await issuer.IssueAsync(grant, scope, nonce: null, cancellationToken);
        var successor = await refreshTokens.IssueAsync(grant.GrantId, grant.ClientId, token.Online, cancellationToken);
        metrics.TokenIssued("refresh_token");
        audit.Record(new AuditEvent(AuditEventTypes.TokenRefreshed, grant.ClientId, grant.GrantId, grant.MemberAccountId));
        return TokenOutcome.Success(tokens, grant, successor);
    }
}
