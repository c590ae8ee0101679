using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Refresh;

/// <summary>
/// Opaque refresh tokens (256 random bits), stored by hash, rotated on every use (RFC 9700
/// §4.14.2). Each use consumes the presented token atomically and issues a successor whose
/// lifetime starts again (sliding). A consumed token seen again means two parties hold it:
/// the caller revokes the whole grant.
/// </summary>
internal sealed class RefreshTokenService(IDbContextFactory<AuthDbContext> contexts, IOptions<TokenOptions> tokens, TimeProvider time)
{
    public async Task<string> IssueAsync(string grantId, string clientId, bool online, CancellationToken cancellationToken)
    {
        var handle = Secrets.NewHandle();
        var now = time.GetUtcNow();
        var lifetime = online ? tokens.Value.OnlineRefreshTokenLifetime : tokens.Value.RefreshTokenLifetime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.RefreshTokens.Add(new RefreshTokenRecord
        {
            TokenHash = Secrets.Hash(handle),
            GrantId = grantId,
            ClientId = clientId,
            IssuedAt = now.ToUnixTimeSeconds(),
            ExpiresAt = (now + lifetime).ToUnixTimeSeconds(),
            Online = online,
        });
        await db.SaveChangesAsync(cancellationToken);
        return handle;
    }

    /// <summary>Consumes the token for <paramref name="clientId"/>; the outcome says why not when it cannot be used.</summary>
    public async Task<RefreshRedemption> RedeemAsync(string handle, string clientId, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(handle);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        if (record is null || !string.Equals(record.ClientId, clientId, StringComparison.Ordinal))
        {
            return RefreshRedemption.Invalid(record is null ? "the refresh token is not valid" : "the refresh token was issued to another client");
        }

        if (record.ConsumedAt is not null)
        {
            return RefreshRedemption.Reused(record.GrantId);
        }

        if (record.ExpiresAt <= now)
        {
            return RefreshRedemption.Invalid("the refresh token has expired");
        }

        // Only one of two concurrent redemptions wins; the loser is a reuse.
        var consumed = await db.RefreshTokens.Where(r => r.TokenHash == hash && r.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, now), cancellationToken);
        return consumed == 1 ? RefreshRedemption.Valid(record) : RefreshRedemption.Reused(record.GrantId);
    }

    /// <summary>Whether a refresh token (by its clear value) exists, for introspection and revocation.</summary>
    public async Task<RefreshTokenRecord?> FindAsync(string handle, CancellationToken cancellationToken)
    {
        var hash = Secrets.Hash(handle);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RefreshTokens.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
    }
}
