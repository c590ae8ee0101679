using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Clients;

/// <summary>Reads and writes registered apps.</summary>
internal sealed class ClientRegistry(IDbContextFactory<AuthDbContext> contexts, TimeProvider time)
{
    public async Task<ClientRecord?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
    }

    /// <summary>Creates the client, or replaces one with the same id; returns the new secret (confidential clients only), shown once.</summary>
    public async Task<string?> RegisterAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        foreach (var uri in registration.RedirectUris)
        {
            if (!RedirectUriMatcher.IsRegistrable(uri))
            {
                throw new ArgumentException($"'{uri}' cannot be registered as a redirect URI", nameof(registration));
            }
        }

        var (secret, hash) = registration.Type == ClientType.Confidential ? ClientSecrets.Create() : (null, null);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == registration.ClientId, cancellationToken);
        if (record is null)
        {
            record = new ClientRecord { ClientId = registration.ClientId, Name = registration.Name, CreatedAt = now };
            db.Clients.Add(record);
        }

        record.Name = registration.Name;
        record.Type = registration.Type;
        record.Status = registration.Status;
        record.StatusChangedAt = now;
        record.RedirectUris = [.. registration.RedirectUris];
        record.AllowedScopes = [.. registration.AllowedScopes];
        record.SecretHash = hash;
        record.LogoUri = registration.LogoUri;
        record.Website = registration.Website;
        record.RateLimitBurst = registration.RateLimitBurst;
        record.RateLimitPerSecond = registration.RateLimitPerSecond;
        await db.SaveChangesAsync(cancellationToken);
        return secret;
    }

    /// <summary>Sets the status; returns the previous one, or null when there is no such client.</summary>
    public async Task<ClientStatus?> SetStatusAsync(string clientId, ClientStatus status, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var previous = record.Status;
        record.SuspendedFrom = status == ClientStatus.Suspended && record.IsActive ? previous : record.SuspendedFrom;
        record.Status = status;
        record.StatusChangedAt = time.GetUtcNow().ToUnixTimeSeconds();
        await db.SaveChangesAsync(cancellationToken);
        return previous;
    }
}
