using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Revocation;

/// <summary>
/// Revokes clients, grants and single access tokens: the database first (codes and refresh
/// tokens deleted, an entry appended to the list), then a push on Redis for the gateways.
/// Entries are appended one at a time (an advisory lock on PostgreSQL; SQLite has one writer
/// anyway) so sequence numbers become visible in order and a cursor never skips one.
/// </summary>
internal sealed class RevocationList(
    IDbContextFactory<AuthDbContext> contexts,
    IOptions<TokenOptions> tokens,
    RedisDispatcher dispatcher,
    TimeProvider time)
{
    public const string Channel = "patientaccess:revocations";

    // Gateways and this server may disagree on the time by this much.
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Every code, access token and refresh token of the client issued until now stops working.
    /// <c>LiveRevoked</c> counts the unused, unexpired codes and refresh tokens that died; access
    /// tokens are signed, not stored, so they are not counted, but the list entry covers all of them.
    /// </summary>
    public async Task<(RevocationRecord Entry, int LiveRevoked)> RevokeClientAsync(string clientId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, cancellationToken);
        var live = await db.AuthorizationCodes.CountAsync(c => c.ClientId == clientId && c.ConsumedAt == null && c.ExpiresAt > now, cancellationToken)
            + await db.RefreshTokens.CountAsync(r => r.ClientId == clientId && r.ConsumedAt == null && r.ExpiresAt > now, cancellationToken);
        await db.AuthorizationCodes.Where(c => c.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await db.RefreshTokens.Where(r => r.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await db.PendingAuthorizations.Where(p => p.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        var entry = await AppendAsync(db, RevocationKind.Client, clientId, AccessTokenHorizon(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Publish(entry);
        return (entry, live);
    }

    /// <summary>The grant ends: its code, refresh tokens and access tokens stop working.</summary>
    public async Task<RevocationRecord?> RevokeGrantAsync(string grantId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, cancellationToken);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var updated = await db.Grants.Where(g => g.GrantId == grantId && g.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.RevokedAt, now), cancellationToken);
        if (updated == 0)
        {
            return null;
        }

        await db.AuthorizationCodes.Where(c => c.GrantId == grantId).ExecuteDeleteAsync(cancellationToken);
        await db.RefreshTokens.Where(r => r.GrantId == grantId).ExecuteDeleteAsync(cancellationToken);
        var entry = await AppendAsync(db, RevocationKind.Grant, grantId, AccessTokenHorizon(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Publish(entry);
        return entry;
    }

    /// <summary>One access token, listed until it would have expired.</summary>
    public async Task<RevocationRecord> RevokeAccessTokenAsync(string jti, long expiresAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await BeginAsync(db, cancellationToken);
        var entry = await AppendAsync(db, RevocationKind.Token, jti, expiresAt + (long)Margin.TotalSeconds, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Publish(entry);
        return entry;
    }

    /// <summary>Whether an access token with these claims is on the list.</summary>
    public async Task<bool> IsRevokedAsync(string jti, string grantId, string clientId, long issuedAt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Revocations.AnyAsync(r =>
            (r.Kind == RevocationKind.Token && r.Subject == jti)
            || (r.Kind == RevocationKind.Grant && r.Subject == grantId)
            || (r.Kind == RevocationKind.Client && r.Subject == clientId && r.RevokedAt >= issuedAt), cancellationToken);
    }

    /// <summary>Live entries after <paramref name="after"/>, oldest first; from 0 that is the whole snapshot.</summary>
    public async Task<IReadOnlyList<RevocationRecord>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Revocations.AsNoTracking()
            .Where(r => r.Sequence > after && r.ExpiresAt > now)
            .OrderBy(r => r.Sequence)
            .Take(limit)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The time (Unix seconds) of the client's latest revocation entry, or null when it has none.</summary>
    public async Task<long?> LatestClientRevocationAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Revocations.Where(r => r.Kind == RevocationKind.Client && r.Subject == clientId).MaxAsync(r => (long?)r.RevokedAt, cancellationToken);
    }

    public async Task<long> LatestSequenceAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Revocations.MaxAsync(r => (long?)r.Sequence, cancellationToken) ?? 0;
    }

    public static JsonObject ToJson(RevocationRecord entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new JsonObject
        {
            ["sequence"] = entry.Sequence,
            ["kind"] = entry.Kind,
            ["id"] = entry.Subject,
            ["time"] = entry.RevokedAt,
            ["expires_at"] = entry.ExpiresAt,
        };
    }

    private long AccessTokenHorizon() =>
        (time.GetUtcNow() + tokens.Value.LongestSignedTokenLifetime + Margin).ToUnixTimeSeconds();

    private async Task<RevocationRecord> AppendAsync(AuthDbContext db, string kind, string subject, long expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // Expired entries match no live token: drop them while the list is locked anyway.
        await db.Revocations.Where(r => r.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        var entry = new RevocationRecord { Kind = kind, Subject = subject, RevokedAt = now, ExpiresAt = expiresAt };
        db.Revocations.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    private static async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(AuthDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7300211)", cancellationToken);
        }

        return transaction;
    }

    private void Publish(RevocationRecord entry)
    {
        var message = ToJson(entry).ToJsonString();
        dispatcher.Enqueue(new RedisWork("revocation", (_, subscriber) => subscriber.PublishAsync(StackExchange.Redis.RedisChannel.Literal(Channel), message)));
    }
}
