using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Developer.Clients;

/// <summary>
/// A developer's apps. Every read and change goes through <see cref="FindOwnedAsync"/>: an app
/// that is not the developer's is answered exactly like one that does not exist (404, never 403),
/// so client ids of others can be neither read, changed nor confirmed.
/// </summary>
internal sealed class DeveloperClients(
    IDbContextFactory<AuthDbContext> contexts, ClientRegistry registry, AuditTrail audit, IOptions<DeveloperPortalOptions> options, TimeProvider time)
{
    public const string AuditCreated = "developer.client_created";
    public const string AuditUpdated = "developer.client_updated";
    public const string AuditSecretRotated = "developer.secret_rotated";

    public async Task<IReadOnlyList<ClientRecord>> ListAsync(string developerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owned = db.DeveloperClients.Where(d => d.DeveloperId == developerId).Select(d => d.ClientId);
        var clients = await db.Clients.AsNoTracking().Where(c => owned.Contains(c.ClientId)).ToListAsync(cancellationToken);
        return [.. clients.OrderBy(c => c.CreatedAt).ThenBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>The app if it is this developer's; null otherwise, whether it exists or not.</summary>
    public async Task<ClientRecord?> FindOwnedAsync(string developerId, string clientId, CancellationToken cancellationToken)
    {
        if (clientId.Length > 64)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var mine = await db.DeveloperClients.AnyAsync(d => d.ClientId == clientId && d.DeveloperId == developerId, cancellationToken);
        return mine ? await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken) : null;
    }

    public async Task<bool> AtLimitAsync(string developerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeveloperClients.CountAsync(d => d.DeveloperId == developerId, cancellationToken) >= options.Value.MaxClientsPerDeveloper;
    }

    /// <summary>Registers a sandbox app with the standard read scopes; returns its id and, for a confidential app, its secret (shown once, stored hashed).</summary>
    public async Task<(string ClientId, string? Secret)> CreateAsync(string developerId, ClientInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clientId = "app-" + Secrets.NewId();
        var secret = await registry.RegisterAsync(
            new ClientRegistration(clientId, input.Name, input.Type!.Value, ClientStatus.Sandbox, input.RedirectUris, ClientOptions.DefaultDemoScopes,
                Website: string.IsNullOrEmpty(input.Website) ? null : input.Website),
            cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DeveloperClients.Add(new DeveloperClientRecord { ClientId = clientId, DeveloperId = developerId, CreatedAt = time.GetUtcNow().ToUnixTimeSeconds() });
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(new AuditEvent(AuditCreated, clientId, Detail: developerId));
        return (clientId, secret);
    }

    public async Task UpdateAsync(string developerId, string clientId, ClientInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await registry.UpdateAsync(clientId, input.Name, input.RedirectUris, string.IsNullOrEmpty(input.Website) ? null : input.Website, cancellationToken);
        audit.Record(new AuditEvent(AuditUpdated, clientId, Detail: developerId));
    }

    /// <summary>A new secret (the old one stops working at once); null for a public app.</summary>
    public async Task<string?> RotateSecretAsync(string developerId, string clientId, CancellationToken cancellationToken)
    {
        var secret = await registry.RotateSecretAsync(clientId, cancellationToken);
        if (secret is not null)
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.DeveloperClients.Where(d => d.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(d => d.SecretRotatedAt, now), cancellationToken);
            audit.Record(new AuditEvent(AuditSecretRotated, clientId, Detail: developerId));
        }

        return secret;
    }
}
