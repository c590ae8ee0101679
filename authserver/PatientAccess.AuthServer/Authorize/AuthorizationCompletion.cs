using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Scopes;
using PatientAccess.AuthServer.Storage;
using PatientAccess.AuthServer.Tokens;
using PatientAccess.MemberContext;

namespace PatientAccess.AuthServer.Authorize;

/// <inheritdoc />
internal sealed class AuthorizationCompletion(
    IDbContextFactory<AuthDbContext> contexts,
    ClientRegistry clients,
    AuditTrail audit,
    IOptions<AuthServerOptions> server,
    IOptions<TokenOptions> tokens,
    TimeProvider time) : IAuthorizationCompletion
{
    public async Task<PendingAuthorizationView?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var pending = await db.PendingAuthorizations.AsNoTracking()
            .FirstOrDefaultAsync(p => p.RequestId == requestId && p.ExpiresAt > now, cancellationToken);
        var client = pending is null ? null : await clients.FindAsync(pending.ClientId, cancellationToken);
        if (pending is null || client is null)
        {
            return null;
        }

        var description = await db.ClientListings.AsNoTracking().Where(l => l.ClientId == client.ClientId).Select(l => l.Description).FirstOrDefaultAsync(cancellationToken);
        return new PendingAuthorizationView(pending.RequestId, client.ClientId, client.Name, client.LogoUri, client.Website, client.Status,
            [.. ScopePolicy.Split(pending.GrantableScope)], DateTimeOffset.FromUnixTimeSeconds(pending.ExpiresAt), Authorize.TestFlow.IsMarked(pending.CodeChallenge), description);
    }

    public async Task<AuthorizationOutcome> ApproveAsync(AuthorizationApproval approval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(approval);
        ArgumentException.ThrowIfNullOrWhiteSpace(approval.MemberAccountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(approval.PatientId);
        if (approval.SensitiveCategories.FirstOrDefault(c => !SensitiveCategories.All.Contains(c)) is { } unknown)
        {
            throw new ArgumentException($"'{unknown}' is not a sensitive category code", nameof(approval));
        }

        var (pending, failure) = await TakeAsync(approval.RequestId, cancellationToken);
        if (pending is null)
        {
            return failure!;
        }

        var scope = pending.GrantableScope;
        if (approval.GrantedScopes is { } chosen)
        {
            var joined = string.Join(' ', chosen.Distinct(StringComparer.Ordinal));
            if (!ScopePolicy.IsSubset(joined, pending.GrantableScope))
            {
                throw new ArgumentException("the approved scopes exceed what the request may be granted", nameof(approval));
            }

            scope = joined;
        }

        var now = time.GetUtcNow();
        var grant = new GrantRecord
        {
            GrantId = Secrets.NewId(),
            ClientId = pending.ClientId,
            MemberAccountId = approval.MemberAccountId,
            PatientId = approval.PatientId,
            FhirUser = approval.FhirUser ?? "Patient/" + approval.PatientId,
            Scope = scope,
            SensitiveCategories = [.. approval.SensitiveCategories.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            CreatedAt = now.ToUnixTimeSeconds(),
        };
        var code = Secrets.NewHandle();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.Grants.Add(grant);
            db.AuthorizationCodes.Add(new AuthorizationCodeRecord
            {
                CodeHash = Secrets.Hash(code),
                GrantId = grant.GrantId,
                ClientId = pending.ClientId,
                RedirectUri = pending.RedirectUri,
                CodeChallenge = pending.CodeChallenge,
                Nonce = pending.Nonce,
                IssuedAt = now.ToUnixTimeSeconds(),
                ExpiresAt = (now + tokens.Value.AuthorizationCodeLifetime).ToUnixTimeSeconds(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        audit.Record(new AuditEvent(AuditEventTypes.GrantApproved, grant.ClientId, grant.GrantId, grant.MemberAccountId, grant.Scope));
        return AuthorizationOutcome.Redirect(AuthorizeRedirect.Success(pending.RedirectUri, code, pending.State, server.Value.IssuerBase));
    }

    public async Task<AuthorizationOutcome> DenyAsync(string requestId, CancellationToken cancellationToken)
    {
        var (pending, failure) = await TakeAsync(requestId, cancellationToken);
        if (pending is null)
        {
            return failure!;
        }

        audit.Record(new AuditEvent(AuditEventTypes.GrantDenied, pending.ClientId));
        return AuthorizationOutcome.Redirect(AuthorizeRedirect.Error(
            pending.RedirectUri, OAuthErrors.AccessDenied, "the member declined to share", pending.State, server.Value.IssuerBase));
    }

    // Removes the pending request (whoever removes it completes it) and checks it may still complete.
    private async Task<(PendingAuthorization? Pending, AuthorizationOutcome? Failure)> TakeAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pending = await db.PendingAuthorizations.AsNoTracking().FirstOrDefaultAsync(p => p.RequestId == requestId, cancellationToken);
        if (pending is null || await db.PendingAuthorizations.Where(p => p.RequestId == requestId).ExecuteDeleteAsync(cancellationToken) != 1)
        {
            return (null, AuthorizationOutcome.Rejected("This sign-in request is unknown or was already completed."));
        }

        if (pending.ExpiresAt <= time.GetUtcNow().ToUnixTimeSeconds())
        {
            return (null, AuthorizationOutcome.Redirect(AuthorizeRedirect.Error(
                pending.RedirectUri, OAuthErrors.AccessDenied, "the authorization request expired", pending.State, server.Value.IssuerBase)));
        }

        var client = await clients.FindAsync(pending.ClientId, cancellationToken);
        if (client is not { IsActive: true })
        {
            return (null, AuthorizationOutcome.Rejected("This app has been blocked by the health plan."));
        }

        return (pending, null);
    }
}
