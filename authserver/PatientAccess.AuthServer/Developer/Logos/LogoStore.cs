using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Developer.Logos;

/// <summary>Stores app logos in the database (every replica serves them) and names their public URL, which becomes the app's LogoUri.</summary>
internal sealed class LogoStore(IDbContextFactory<AuthDbContext> contexts, IOptions<AuthServerOptions> server, TimeProvider time)
{
    public static string PathOf(string clientId) => "/developer/logos/" + Uri.EscapeDataString(clientId);

    /// <summary>The absolute URL (on the issuer) apps, the gallery and member pages load the logo from.</summary>
    public string UriOf(string clientId) => server.Value.IssuerBase + PathOf(clientId);

    public async Task<LogoRecord?> FindAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DeveloperLogos.AsNoTracking().FirstOrDefaultAsync(l => l.ClientId == clientId, cancellationToken);
    }

    /// <summary>Stores a logo that passed <see cref="LogoImage.Inspect"/>; returns its URL.</summary>
    public async Task<string> SaveAsync(string clientId, byte[] content, LogoCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(check);
        if (!check.IsValid)
        {
            throw new ArgumentException("only a checked logo can be stored", nameof(check));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.DeveloperLogos.FirstOrDefaultAsync(l => l.ClientId == clientId, cancellationToken);
        if (record is null)
        {
            record = new LogoRecord { ClientId = clientId, ContentType = check.ContentType!, Content = content, ContentHash = string.Empty };
            db.DeveloperLogos.Add(record);
        }

        record.ContentType = check.ContentType!;
        record.Content = content;
        record.Width = check.Width;
        record.Height = check.Height;
        record.ContentHash = WebEncoders.Base64UrlEncode(SHA256.HashData(content));
        record.UpdatedAt = time.GetUtcNow().ToUnixTimeSeconds();
        await db.SaveChangesAsync(cancellationToken);
        return UriOf(clientId);
    }

    public async Task RemoveAsync(string clientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.DeveloperLogos.Where(l => l.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
    }
}
