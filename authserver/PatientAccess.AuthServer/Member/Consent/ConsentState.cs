using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// What the consent steps need about the request being completed: the pending request, the
/// signed-in account, the sandbox rule, and the app's redirect origin (for the page's CSP).
/// </summary>
internal sealed class ConsentState(
    IAuthorizationCompletion completion, MemberAccounts accounts, IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> options)
{
    /// <summary>The request and account, or null when the session is not signed in or its request is gone.</summary>
    public async Task<(PendingAuthorizationView Request, MemberAccountRecord Account)?> LoadAsync(MemberSession? session, CancellationToken cancellationToken)
    {
        if (session?.Record is not { AccountId: { } accountId, RequestId: { } requestId })
        {
            return null;
        }

        var request = await completion.FindAsync(requestId, cancellationToken);
        var account = request is null ? null : await accounts.FindAsync(accountId, cancellationToken);
        return request is null || account is null ? null : (request, account);
    }

    /// <summary>Sandbox apps, and any app on the plan's test flow, may only be authorized for the plan's demo members.</summary>
    public bool IsAllowed(PendingAuthorizationView request, string patientId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.ClientStatus != ClientStatus.Sandbox && !request.TestFlow) || options.Value.EffectiveDemoPatientIds.Contains(patientId, StringComparer.Ordinal);
    }

    /// <summary>scheme://host:port of where the app gets its answer; null if the request is gone.</summary>
    public async Task<string?> RedirectOriginAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var redirect = await db.PendingAuthorizations.AsNoTracking().Where(p => p.RequestId == requestId).Select(p => p.RedirectUri).FirstOrDefaultAsync(cancellationToken);
        return redirect is not null && Uri.TryCreate(redirect, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Authority) : null;
    }
}
