using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Production;

/// <summary>Approved apps whose annual review or attestation renewal is overdue or due within <c>Reviews:DueWindowDays</c>.</summary>
internal sealed class ReviewDates(IDbContextFactory<AuthDbContext> contexts, IOptions<ReviewOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<ReviewDue>> DueAsync(int? windowDays, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var horizon = now.AddDays(windowDays ?? options.Value.DueWindowDays).ToUnixTimeSeconds();
        var seconds = now.ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from schedule in db.ReviewSchedules.AsNoTracking()
                          join client in db.Clients.AsNoTracking() on schedule.ClientId equals client.ClientId
                          where schedule.ReviewDueAt <= horizon || schedule.AttestationDueAt <= horizon
                          select new { schedule, client.Name, client.Status }).ToListAsync(cancellationToken);
        return [.. rows.Where(r => r.Status != ClientStatus.Revoked)
            .OrderBy(r => Math.Min(r.schedule.ReviewDueAt, r.schedule.AttestationDueAt)).ThenBy(r => r.schedule.ClientId, StringComparer.Ordinal)
            .Select(r => new ReviewDue(
            r.schedule.ClientId,
            r.Name,
            r.Status.ToString().ToLowerInvariant(),
            DateTimeOffset.FromUnixTimeSeconds(r.schedule.ReviewDueAt),
            DateTimeOffset.FromUnixTimeSeconds(r.schedule.AttestationDueAt),
            r.schedule.ReviewDueAt <= seconds,
            r.schedule.AttestationDueAt <= seconds,
            r.schedule.AutoSuspendedAt is { } at ? DateTimeOffset.FromUnixTimeSeconds(at) : null))];
    }

    /// <summary>Production apps whose attestation renewal date has passed and that were not suspended for it yet.</summary>
    public async Task<IReadOnlyList<string>> OverdueAttestationsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await (from schedule in db.ReviewSchedules.AsNoTracking()
                      join client in db.Clients.AsNoTracking() on schedule.ClientId equals client.ClientId
                      where schedule.AttestationDueAt <= now && schedule.AutoSuspendedAt == null && client.Status == ClientStatus.Production
                      select client.ClientId).ToListAsync(cancellationToken);
    }

    /// <summary>Claims the automatic suspension of this overdue date; false when another replica or pass already did.</summary>
    public async Task<bool> MarkAutoSuspendedAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReviewSchedules.Where(s => s.ClientId == clientId && s.AutoSuspendedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AutoSuspendedAt, now), cancellationToken) == 1;
    }
}
