using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>Member accounts: found by e-mail address at sign-in, created when a registration's code is confirmed.</summary>
internal sealed class MemberAccounts(IDbContextFactory<AuthDbContext> contexts, TimeProvider time)
{
    public static string NormalizeEmail(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }

    public async Task<MemberAccountRecord?> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MemberAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.AccountId == accountId, cancellationToken);
    }

    public async Task<MemberAccountRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = NormalizeEmail(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MemberAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalized, cancellationToken);
    }

    public async Task<bool> IsRegisteredAsync(string patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MemberAccounts.AnyAsync(a => a.PatientId == patientId, cancellationToken);
    }

    /// <summary>The new account, or null when the address or the member already has one.</summary>
    public async Task<MemberAccountRecord?> CreateAsync(string email, string patientId, CancellationToken cancellationToken)
    {
        var normalized = NormalizeEmail(email);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MemberAccounts.AnyAsync(a => a.Email == normalized || a.PatientId == patientId, cancellationToken))
        {
            return null;
        }

        var account = new MemberAccountRecord { AccountId = "m-" + Secrets.NewId(), Email = normalized, PatientId = patientId, CreatedAt = now, LastSignInAt = now };
        db.MemberAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another registration of the same address or member: the unique indexes decided.
            return null;
        }

        return account;
    }

    public async Task TouchAsync(string accountId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.MemberAccounts.Where(a => a.AccountId == accountId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, now), cancellationToken);
    }
}
