using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Gallery;

/// <summary>
/// The apps in the gallery: production clients only, read from the clients table on every request,
/// so one that is suspended or revoked is gone from the very next request and comes back only when
/// reinstated (its status returns to production). Sandbox apps are never listed.
/// </summary>
internal sealed class GalleryCatalog(IDbContextFactory<AuthDbContext> contexts)
{
    public async Task<IReadOnlyList<GalleryApp>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await (from client in db.Clients.AsNoTracking()
                          where client.Status == ClientStatus.Production
                          join listing in db.ClientListings.AsNoTracking() on client.ClientId equals listing.ClientId into listings
                          from listing in listings.DefaultIfEmpty()
                          select new { client.ClientId, client.Name, client.LogoUri, client.Website, Listing = listing }).ToListAsync(cancellationToken);
        return [.. rows
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.ClientId, StringComparer.Ordinal)
            .Select(r => new GalleryApp(r.ClientId, r.Name, r.LogoUri, r.Listing?.Description, r.Website,
                r.Listing?.PrivacyPolicyUri, r.Listing?.TermsOfServiceUri, r.Listing?.SupportEmail))];
    }
}
