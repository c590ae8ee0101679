using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Refresh;
using PatientAccess.AuthServer.Revocation;
using PatientAccess.AuthServer.Scopes;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>
/// The authorization_code grant (RFC 6749 §4.1.3 with RFC 7636 §4.5-4.6). A code already
/// used is a replay: the request fails and the whole grant, with every token issued from
/// the code, is revoked (§4.1.2, RFC 9700 §4.2.4), but only once the presenter has shown it is
/// the client the code was issued to, with its redirect URI and PKCE verifier. Codes from the
/// plan's test flow (<see cref="TestFlow"/>) are exchanged without PKCE or redirect URI, by their
/// confidential client authenticated with its secret, and by nothing else.
/// </summary>
internal sealed class AuthorizationCodeExchange(
    IDbContextFactory<AuthDbContext> contexts,
    TokenIssuer issuer,
    RefreshTokenService refreshTokens,
    RevocationList revocations,
    AuditTrail audit,
    AuthMetrics metrics,
    TimeProvider time)
{
    public async Task<TokenOutcome> ExchangeAsync(ClientRecord client, OAuthParameters form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(form);
        var code = form["code"];
        var redirectUri = form["redirect_uri"];
        var verifier = form["code_verifier"];
        if (code is null)
        {
            return TokenOutcome.Fail(OAuthError.InvalidRequest("code is required"));
        }

        var hash = Secrets.Hash(code);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.AuthorizationCodes.AsNoTracking().FirstOrDefaultAsync(c => c.CodeHash == hash, cancellationToken);
        var testFlow = record is not null && TestFlow.IsMarked(record.CodeChallenge);
        if (!testFlow && (redirectUri is null || verifier is null))
        {
            // Only a code from the plan's test flow is exchanged without PKCE and redirect_uri.
            return TokenOutcome.Fail(OAuthError.InvalidRequest($"{(redirectUri is null ? "redirect_uri" : "code_verifier")} is required"));
        }

        if (record is null)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization code is not valid"));
        }

        // Everything that shows who is presenting the code comes before the replay check: a
        // used code in the hands of another client, or of someone without the PKCE verifier
        // (a code read from a browser history or a log), is merely invalid and revokes nothing.
        // Only the party holding the app's verifier replaying a used code is the theft RFC 9700
        // §4.2.4 means, and that ends the grant. A test-flow code has no verifier: the client
        // secret, which only a confidential client has, stands in for it.
        var problem = !string.Equals(record.ClientId, client.ClientId, StringComparison.Ordinal) ? "the authorization code was issued to another client"
            : testFlow ? TestFlowProblem(client, record, redirectUri, verifier)
            : !string.Equals(record.RedirectUri, redirectUri, StringComparison.Ordinal) ? "redirect_uri does not match the authorization request"
            : string.Equals(verifier, record.CodeChallenge, StringComparison.Ordinal) ? "code_verifier must be the secret, not the code_challenge"
            : !Pkce.Verify(verifier!, record.CodeChallenge) ? "code_verifier does not match the code_challenge"
            : null;
        if (problem is not null)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant(problem));
        }

        if (record.ConsumedAt is not null)
        {
            await RevokeReplayedAsync(record, cancellationToken);
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization code was already used"));
        }

        if (record.ExpiresAt <= now)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization code has expired"));
        }

        var consumed = await db.AuthorizationCodes.Where(c => c.CodeHash == hash && c.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ConsumedAt, now), cancellationToken);
        if (consumed != 1)
        {
            await RevokeReplayedAsync(record, cancellationToken);
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization code was already used"));
        }

        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.GrantId == record.GrantId, cancellationToken);
        if (grant is null || grant.RevokedAt is not null)
        {
            return TokenOutcome.Fail(OAuthError.InvalidGrant("the authorization was revoked"));
        }

        var tokens = await issuer.IssueAsync(grant, grant.Scope, record.Nonce, cancellationToken);
        string? refreshToken = null;
        var offline = ScopePolicy.Contains(grant.Scope, ScopeNames.OfflineAccess);
        if (offline || ScopePolicy.Contains(grant.Scope, ScopeNames.OnlineAccess))
        {
            refreshToken = await refreshTokens.IssueAsync(grant.GrantId, grant.ClientId, online: !offline, cancellationToken);
        }

        metrics.TokenIssued("authorization_code");
        audit.Record(new AuditEvent(AuditEventTypes.TokenIssued, grant.ClientId, grant.GrantId, grant.MemberAccountId, "authorization_code"));
        return TokenOutcome.Success(tokens, grant, refreshToken);
    }

    /// <summary>Why a test-flow code may not be exchanged here; null when it may (its own confidential client, authenticated by its secret).</summary>
    private static string? TestFlowProblem(ClientRecord client, AuthorizationCodeRecord record, string? redirectUri, string? verifier) =>
        client.Type != ClientType.Confidential ? "a test-flow code is exchanged only by a confidential client with its secret"
        : verifier is not null ? "this code comes from the test flow, which uses no PKCE: send no code_verifier"
        : redirectUri is not null && !string.Equals(record.RedirectUri, redirectUri, StringComparison.Ordinal) ? "redirect_uri does not match the authorization request"
        : null;

    private async Task RevokeReplayedAsync(AuthorizationCodeRecord record, CancellationToken cancellationToken)
    {
        await revocations.RevokeGrantAsync(record.GrantId, cancellationToken);
        audit.Record(new AuditEvent(AuditEventTypes.CodeReused, record.ClientId, record.GrantId));
    }
}
