using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Member.Sessions;

/// <summary>
/// Member accounts: found by e-mail address at sign-in, created when a registration's code is
/// confirmed. One account per e-mail address always; one account per real member, while a demo
/// member (<see cref="MemberAppOptions.EffectiveDemoPatientIds"/>) may be registered by any number
/// of developers, each with an address and grants of their own.
/// </summary>
internal sealed class MemberAccounts(IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> options, TimeProvider time)
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

    /// <summary>
    /// The address's account when it is this member's: a registration whose code was confirmed
    /// (so the registrant holds the address) for a member the address already has an account for
    /// is a sign-in to that account, not a second account.
    /// </summary>
    public async Task<MemberAccountRecord?> FindOwnAsync(string email, string patientId, CancellationToken cancellationToken) =>
        await FindByEmailAsync(email, cancellationToken) is { } account && account.PatientId == patientId ? account : null;

    public bool IsDemoMember(string patientId) => options.Value.EffectiveDemoPatientIds.Contains(patientId, StringComparer.Ordinal);

    /// <summary>Whether a real member already has an account; never for a demo member, whom anyone may register.</summary>
    public async Task<bool> IsRegisteredAsync(string patientId, CancellationToken cancellationToken)
    {
        if (IsDemoMember(patientId))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.MemberPatientClaims.AnyAsync(c => c.PatientId == patientId, cancellationToken)
            || await db.MemberAccounts.AnyAsync(a => a.PatientId == patientId, cancellationToken);
    }

    /// <summary>The new account, or null when the address already has one, or the member is a real member who already has one.</summary>
    public async Task<MemberAccountRecord?> CreateAsync(string email, string patientId, CancellationToken cancellationToken)
    {
        var normalized = NormalizeEmail(email);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var demo = IsDemoMember(patientId);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.MemberAccounts.AnyAsync(a => a.Email == normalized || (!demo && a.PatientId == patientId), cancellationToken))
        {
            return null;
        }

        var account = new MemberAccountRecord { AccountId = "m-" + Secrets.NewId(), Email = normalized, PatientId = patientId, CreatedAt = now, LastSignInAt = now };
        db.MemberAccounts.Add(account);
        if (!demo)
        {
            // Saved with the account in one transaction: of two registrations of one real member
            // racing past the check above, the claim's primary key lets exactly one commit.
            db.MemberPatientClaims.Add(new MemberPatientClaimRecord { PatientId = patientId, AccountId = account.AccountId, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another registration of the same address or real member: the keys decided.
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
