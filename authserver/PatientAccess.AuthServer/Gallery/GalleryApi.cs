using System.Text.Json.Nodes;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Gallery;

/// <summary>
/// <c>GET /api/gallery</c>: the gallery as a JSON array, for anyone (public facts, readable from
/// any origin); and <c>GET /gallery/logos/{client_id}</c>: a logo uploaded with an approved request.
/// </summary>
internal static class GalleryApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/gallery", async (HttpContext context, GalleryCatalog catalog, CancellationToken cancellationToken) =>
        {
            context.Response.Headers.AccessControlAllowOrigin = "*";
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(new JsonArray([.. (await catalog.ListAsync(cancellationToken)).Select(a => (JsonNode)new JsonObject
            {
                ["client_id"] = a.ClientId,
                ["name"] = a.Name,
                ["logo_uri"] = a.LogoUri,
                ["description"] = a.Description,
                ["website"] = a.Website,
                ["privacy_policy_uri"] = a.PrivacyPolicyUri,
                ["terms_of_service_uri"] = a.TermsOfServiceUri,
                ["support_email"] = a.SupportEmail,
            })]));
        });
        app.MapGet("/gallery/logos/{clientId}", async (string clientId, HttpContext context, ProductionRequests requests, Clients.ClientRegistry clients, CancellationToken cancellationToken) =>
        {
            // A suspended or revoked app leaves the gallery whole: its logo too.
            var listed = clientId.Length <= 200 && (await clients.FindAsync(clientId, cancellationToken))?.Status == Clients.ClientStatus.Production;
            var logo = listed ? await requests.ApprovedLogoAsync(clientId, cancellationToken) : null;
            if (logo is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            context.Response.Headers.CacheControl = "public, max-age=300";
            return Results.File(logo.Content, logo.ContentType);
        });
    }
}
