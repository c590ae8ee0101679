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

    /// <summary>Changes what a developer may edit; false when there is no such client. Redirect URIs must be registrable.</summary>
    public async Task<bool> UpdateAsync(string clientId, string name, IReadOnlyList<string> redirectUris, string? website, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(redirectUris);
        if (redirectUris.Any(u => !RedirectUriMatcher.IsRegistrable(u)))
        {
            throw new ArgumentException("a redirect URI cannot be registered", nameof(redirectUris));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.Clients.FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        if (record is null)
        {
            return false;
        }

        record.Name = name;
        record.RedirectUris = [.. redirectUris];
        record.Website = website;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sets or clears the logo URL; false when there is no such client.</summary>
    public async Task<bool> SetLogoUriAsync(string clientId, string? logoUri, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Clients.Where(c => c.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(c => c.LogoUri, logoUri), cancellationToken) == 1;
    }

    /// <summary>
    /// A new secret for a confidential client, returned once; only its hash is stored, so the old
    /// secret stops working with the next request. Null for a public or unknown client.
    /// </summary>
    public async Task<string?> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var (secret, hash) = ClientSecrets.Create();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Clients.Where(c => c.ClientId == clientId && c.Type == ClientType.Confidential)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.SecretHash, hash), cancellationToken);
        return updated == 1 ? secret : null;
    }
}
