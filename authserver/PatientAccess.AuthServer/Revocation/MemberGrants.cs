using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Revocation;

/// <inheritdoc />
internal sealed class MemberGrants(IDbContextFactory<AuthDbContext> contexts, RevocationList revocations, AuditTrail audit) : IMemberGrants
{
    public async Task<IReadOnlyList<MemberGrantView>> ListAsync(string memberAccountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Grants.AsNoTracking()
            .Where(g => g.MemberAccountId == memberAccountId && g.RevokedAt == null)
            .Join(db.Clients, g => g.ClientId, c => c.ClientId, (g, c) => new { g.GrantId, g.ClientId, c.Name, g.PatientId, g.Scope, g.CreatedAt, g.SensitiveCategories, c.LogoUri })
            .OrderByDescending(r => r.CreatedAt)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new MemberGrantView(
            r.GrantId, r.ClientId, r.Name, r.PatientId, r.Scope, DateTimeOffset.FromUnixTimeSeconds(r.CreatedAt), r.SensitiveCategories, r.LogoUri))];
    }

    public async Task<bool> RevokeAsync(string memberAccountId, string grantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var grant = await db.Grants.AsNoTracking().FirstOrDefaultAsync(g => g.GrantId == grantId && g.MemberAccountId == memberAccountId, cancellationToken);
        if (grant is null || await revocations.RevokeGrantAsync(grantId, cancellationToken) is null)
        {
            return false;
        }

        audit.Record(new AuditEvent(AuditEventTypes.GrantRevoked, grant.ClientId, grantId, memberAccountId, "member"));
        return true;
    }
}
