using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Staff;

/// <summary>Writes and reads the staff action log (<see cref="StaffActionRecord"/>).</summary>
internal sealed class StaffActions(IDbContextFactory<AuthDbContext> contexts, TimeProvider time)
{
    public async Task RecordAsync(StaffActor actor, string action, string subject, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.StaffActions.Add(new StaffActionRecord { Actor = actor.Id, Action = action, Subject = subject, Reason = reason, At = time.GetUtcNow().ToUnixTimeSeconds() });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Every action on one subject, oldest first.</summary>
    public async Task<IReadOnlyList<StaffActionRecord>> ForSubjectAsync(string subject, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.StaffActions.AsNoTracking().Where(a => a.Subject == subject).OrderBy(a => a.Id).ToListAsync(cancellationToken);
    }
}
