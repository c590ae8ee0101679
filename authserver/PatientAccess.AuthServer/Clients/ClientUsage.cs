using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Clients;

/// <summary>Keeps <see cref="ClientUsageRecord"/>: one row per app, moved forward on every token issued or refreshed.</summary>
internal sealed class ClientUsage(IDbContextFactory<AuthDbContext> contexts, TimeProvider time)
{
    public async Task TouchAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ClientUsage.Where(u => u.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastUsedAt, now), cancellationToken) == 1)
        {
            return;
        }

        db.ClientUsage.Add(new ClientUsageRecord { ClientId = clientId, LastUsedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request of the same app inserted the row first: its time is as good as ours.
        }
    }
}
