using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>
/// Evidence of demo testing, from the authserver's own records: an authorization code that was
/// exchanged (its ConsumedAt is set only by a successful exchange) for a grant whose member is a
/// demo member (<see cref="MemberAppOptions.EffectiveDemoPatientIds"/>). Codes are deleted when a
/// grant or the app is revoked, so each exchange is copied into a table of its own, right after the
/// token endpoint answered it (<see cref="EvidenceCopyMiddleware"/>), and again when evidence is read
/// and every <see cref="DeveloperPortalOptions.EvidenceCopySeconds"/> as a catch-up, and counted from there.
/// Nothing here is typed by the developer. (FHIR reads by resource type come from the monitor's
/// audit trail once it exists.)
/// </summary>
internal sealed class DemoEvidence(IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> members)
{
    public async Task<DemoEvidenceSummary> SummaryAsync(string clientId, CancellationToken cancellationToken)
    {
        await CopyAsync(clientId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.DemoExchanges.AsNoTracking().Where(e => e.ClientId == clientId);
        var count = await rows.CountAsync(cancellationToken);
        var memberCount = await rows.Select(e => e.PatientId).Distinct().CountAsync(cancellationToken);
        var last = count == 0 ? (long?)null : await rows.MaxAsync(e => e.ExchangedAt, cancellationToken);
        return new DemoEvidenceSummary(count, memberCount, last);
    }

    /// <summary>Copies exchanges not yet copied: of one app, or (null) of every developer-registered app; or only the code with this hash.</summary>
    public async Task<int> CopyAsync(string? clientId, CancellationToken cancellationToken, string? codeHash = null)
    {
        var demo = members.Value.EffectiveDemoPatientIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owned = db.DeveloperClients.Select(d => d.ClientId);
        var codes = db.AuthorizationCodes.AsNoTracking().Where(c => c.ConsumedAt != null);
        if (codeHash is not null)
        {
            codes = codes.Where(c => c.CodeHash == codeHash);
        }

        codes = clientId is null ? codes.Where(c => owned.Contains(c.ClientId)) : codes.Where(c => c.ClientId == clientId);
        var missing = await (
            from code in codes
            join grant in db.Grants.AsNoTracking() on code.GrantId equals grant.GrantId
            where demo.Contains(grant.PatientId) && !db.DemoExchanges.Any(e => e.CodeHash == code.CodeHash)
            orderby code.ConsumedAt
            select new DemoExchangeRecord { CodeHash = code.CodeHash, ClientId = code.ClientId, PatientId = grant.PatientId, ExchangedAt = code.ConsumedAt!.Value })
            .Take(10_000)
            .ToListAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return 0;
        }

        db.DemoExchanges.AddRange(missing);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request or replica copied some of them first; the next read copies the rest.
            return 0;
        }

        return missing.Count;
    }
}
