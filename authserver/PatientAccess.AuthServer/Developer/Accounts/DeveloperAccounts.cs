using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>Developer accounts: found by e-mail address at sign-in, created when a sign-up's code is confirmed.</summary>
internal sealed class DeveloperAccounts(IDbContextFactory<AuthDbContext> contexts, TimeProvider time)
{
    public const int MaxNameLength = 100;

    public async Task<DeveloperAccountRecord?> FindAsync(string developerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeveloperAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.DeveloperId == developerId, cancellationToken);
    }

    public async Task<DeveloperAccountRecord?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var normalized = MemberAccounts.NormalizeEmail(email);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeveloperAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Email == normalized, cancellationToken);
    }

    /// <summary>The new account, or null when the address already has one.</summary>
    public async Task<DeveloperAccountRecord?> CreateAsync(string email, string name, CancellationToken cancellationToken)
    {
        var normalized = MemberAccounts.NormalizeEmail(email);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.DeveloperAccounts.AnyAsync(a => a.Email == normalized, cancellationToken))
        {
            return null;
        }

        var account = new DeveloperAccountRecord { DeveloperId = "d-" + Secrets.NewId(), Email = normalized, Name = name, CreatedAt = now, LastSignInAt = now };
        db.DeveloperAccounts.Add(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another sign-up of the same address: the unique index decided.
            return null;
        }

        return account;
    }

    public async Task TouchAsync(string developerId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DeveloperAccounts.Where(a => a.DeveloperId == developerId).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, now), cancellationToken);
    }

    /// <summary>A usable display name: trimmed, no control characters, within <see cref="MaxNameLength"/>.</summary>
    public static bool IsName(string name) =>
        name.Length is > 0 and <= MaxNameLength && !name.Any(char.IsControl);
}
