using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;
using PatientAccess.ServiceDefaults.ClientAddress;

namespace PatientAccess.AuthServer.Member.Security;

/// <summary>
/// Locks a member ID or a client address after repeated failed identity checks or codes, for
/// <see cref="MemberAppOptions.LockoutMinutes"/>; <see cref="CodeSendThrottle"/> counts code
/// e-mails in the same table. Counts live in the database so every replica enforces the same
/// budget. Wrong codes are never counted against an e-mail address: anyone may type any address,
/// so such a lock would let an outsider keep a member from signing in. A code dies after its own
/// <see cref="MemberAppOptions.CodeAttempts"/> instead, and new codes are throttled.
/// </summary>
internal sealed class Lockouts(IDbContextFactory<AuthDbContext> contexts, IOptions<MemberAppOptions> options, ClientAddressResolver addresses, TimeProvider time)
{
    public LockoutSubject IdentityAccount(string memberId) =>
        new("identity-account:" + memberId.Trim().ToUpperInvariant(), options.Value.MaxFailuresPerAccount, true);

    /// <summary>The real client address (<see cref="ClientAddressResolver"/>): behind a trusted proxy, the forwarded one.</summary>
    public LockoutSubject Address(HttpContext context) =>
        new("address:" + addresses.KeyOf(context), options.Value.MaxFailuresPerAddress, false);

    /// <summary>True when any of the subjects is locked now.</summary>
    public async Task<bool> IsLockedAsync(IEnumerable<LockoutSubject> subjects, CancellationToken cancellationToken)
    {
        var hashes = subjects.Select(s => Secrets.Hash(s.Key)).ToList();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Lockouts.AnyAsync(l => hashes.Contains(l.KeyHash) && l.LockedUntil > now, cancellationToken);
    }

    /// <summary>Counts one failure (or one sent code) against each subject; locks those that reach their limit.</summary>
    public async Task RecordFailureAsync(IEnumerable<LockoutSubject> subjects, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var subject in subjects)
        {
            var window = (subject.WindowMinutes > 0 ? subject.WindowMinutes : options.Value.LockoutMinutes) * 60L;
            var hash = Secrets.Hash(subject.Key);
            var record = await db.Lockouts.FirstOrDefaultAsync(l => l.KeyHash == hash, cancellationToken);
            if (record is null)
            {
                record = new LockoutRecord { KeyHash = hash, WindowStartedAt = now };
                db.Lockouts.Add(record);
            }
            else if (record.WindowStartedAt + window <= now && record.LockedUntil <= now)
            {
                record.WindowStartedAt = now;
                record.Failures = 0;
            }

            record.Failures++;
            if (record.Failures >= subject.MaxFailures)
            {
                record.LockedUntil = now + window;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RecordSuccessAsync(IEnumerable<LockoutSubject> subjects, CancellationToken cancellationToken)
    {
        var hashes = subjects.Where(s => s.ClearOnSuccess).Select(s => Secrets.Hash(s.Key)).ToList();
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Lockouts.Where(l => hashes.Contains(l.KeyHash) && l.LockedUntil <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
