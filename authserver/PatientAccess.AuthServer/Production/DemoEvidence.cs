using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Evidence that an app was tried against the demo plan, from the authserver's own records: its
/// authorization codes for demo members that were exchanged for tokens (count and the latest).
/// Codes of a grant the member later disconnected are deleted with it, so this is a lower bound.
/// </summary>
internal sealed class DemoEvidence(IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> members)
{
    public async Task<(int Exchanges, DateTimeOffset? Last)> ForClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var demo = members.Value.EffectiveDemoPatientIds.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var times = await (from code in db.AuthorizationCodes.AsNoTracking()
                           join grant in db.Grants.AsNoTracking() on code.GrantId equals grant.GrantId
                           where code.ClientId == clientId && code.ConsumedAt != null && demo.Contains(grant.PatientId)
                           select code.ConsumedAt!.Value).ToListAsync(cancellationToken);
        return (times.Count, times.Count == 0 ? null : DateTimeOffset.FromUnixTimeSeconds(times.Max()));
    }
}
