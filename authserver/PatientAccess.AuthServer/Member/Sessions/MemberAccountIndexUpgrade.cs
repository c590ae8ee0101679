using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// Databases made before demo members could have many accounts carry a unique index on
/// <c>member_accounts.PatientId</c>, which would keep refusing every second registration of John
/// Allen. At start, after the schema step has created <c>member_patient_claims</c>, this step gives
/// every real member who already has an account their claim (so they still cannot get a second
/// one) and only then drops the old index, both in one transaction: a crash in between leaves the
/// old index in place and the step runs again at the next start. Where the old index does not
/// exist (new databases, or already upgraded) it does nothing.
/// </summary>
internal sealed class MemberAccountIndexUpgrade(IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> options) : IHostedService
{
    /// <summary>The non-unique index the model now declares.</summary>
    public const string PatientIndex = "IX_member_accounts_patient";

    /// <summary>EF Core's name for the unique index older releases made.</summary>
    public const string OldUniqueIndex = "IX_member_accounts_PatientId";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await RunAsync(db, options.Value.EffectiveDemoPatientIds, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>True when the old index was found and replaced.</summary>
    internal static async Task<bool> RunAsync(AuthDbContext db, IReadOnlyCollection<string> demoPatientIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await OldIndexExistsAsync(db, cancellationToken))
        {
            return false;
        }

        var demo = demoPatientIds.ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.MemberPatientClaims.Select(c => c.PatientId).ToListAsync(cancellationToken);
        var accounts = await db.MemberAccounts.AsNoTracking()
            .Where(a => !demo.Contains(a.PatientId) && !claimed.Contains(a.PatientId))
            .Select(a => new { a.PatientId, a.AccountId, a.CreatedAt })
            .ToListAsync(cancellationToken);
        foreach (var account in accounts.GroupBy(a => a.PatientId, StringComparer.Ordinal).Select(g => g.OrderBy(a => a.CreatedAt).First()))
        {
            db.MemberPatientClaims.Add(new MemberPatientClaimRecord { PatientId = account.PatientId, AccountId = account.AccountId, CreatedAt = account.CreatedAt });
        }

        await db.SaveChangesAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("DROP INDEX IF EXISTS \"" + OldUniqueIndex + "\"", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static Task<int> OldIndexExistsCountAsync(AuthDbContext db, CancellationToken cancellationToken) => db.Database.IsNpgsql()
        ? db.Database.SqlQuery<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM pg_indexes WHERE schemaname = current_schema() AND indexname = {OldUniqueIndex}").SingleAsync(cancellationToken)
        : db.Database.SqlQuery<int>($"SELECT CAST(COUNT(*) AS INTEGER) AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = {OldUniqueIndex}").SingleAsync(cancellationToken);

    private static async Task<bool> OldIndexExistsAsync(AuthDbContext db, CancellationToken cancellationToken) =>
        await OldIndexExistsCountAsync(db, cancellationToken) > 0;
}
