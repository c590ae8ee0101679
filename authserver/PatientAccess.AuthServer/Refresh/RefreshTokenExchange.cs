using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Scopes;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tokens;

namespace PatientAccess.AuthServer.Refresh;

/// <summary>
/// The refresh_token grant (RFC 6749 §6): rotation, reuse detection, optional narrower scope
/// judged by meaning (<see cref="ScopeContainment"/>). A refused request consumes nothing.
/// </summary>
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

        // Everything that can refuse a live token is decided before it is consumed: a refused
        // refresh leaves the token usable, so the app's retry is not mistaken for a replay.
        // RFC 6749 §3.1: a parameter sent without a value is treated as omitted.
        var requested = form["scope"];
        if (requested is not null)
        {
            if (await refreshTokens.FindAsync(presented, cancellationToken) is { ConsumedAt: null } live
                && string.Equals(live.ClientId, client.ClientId, StringComparison.Ordinal)
                && await FindLiveGrantAsync(live.GrantId, cancellationToken) is { } current
                && ScopeContainment.Problem(requested, current.Scope) is { } scopeProblem)
            {
                return TokenOutcome.Fail(OAuthError.InvalidScope(scopeProblem));
            }
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

        if (await FindLiveGrantAsync(token.GrantId, cancellationToken) is not { } grant)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization was revoked"));
        }

        var scope = grant.Scope;
        if (requested is not null)
        {
            // A grant's scope never changes, so this repeats the check above; it stays so that no
            // path can issue a scope beyond the grant.
            if (ScopeContainment.Problem(requested, grant.Scope) is { } problem)
            {
                return TokenOutcome.Fail(OAuthError.InvalidScope(problem));
            }

            scope = string.Join(' ', ScopePolicy.Split(requested).Distinct(StringComparer.Ordinal));
        }

        var tokens = await issuer.IssueAsync(grant, scope, nonce: null, cancellationToken);
        var successor = await refreshTokens.IssueAsync(grant.GrantId, grant.ClientId, token.Online, cancellationToken);
        metrics.TokenIssued("refresh_token");
        audit.Record(new AuditEvent(AuditEventTypes.TokenRefreshed, grant.ClientId, grant.GrantId, grant.MemberAccountId));
        return TokenOutcome.Success(tokens, grant, successor);
    }

    private async Task<GrantRecord?> FindLiveGrantAsync(string grantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.GrantId == grantId && g.RevokedAt == null, cancellationToken);
    }
}
