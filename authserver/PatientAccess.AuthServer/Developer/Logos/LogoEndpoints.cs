namespace PatientAccess.AuthServer.Developer.Logos;

/// <summary>
/// <c>GET /developer/logos/{client_id}</c>: public (the gallery, member pages and apps show it),
/// with the content type found when it was checked, <c>nosniff</c>, and a CSP that lets nothing
/// run even if a browser were talked into rendering it as a document.
/// </summary>
internal static class LogoEndpoints
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/developer/logos/{clientId}", async (string clientId, HttpContext context, LogoStore logos, CancellationToken cancellationToken) =>
        {
            var logo = clientId.Length > 64 ? null : await logos.FindAsync(clientId, cancellationToken);
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            if (logo is null)
            {
                return Results.NotFound();
            }

            var etag = "\"" + logo.ContentHash + "\"";
            headers.ETag = etag;
            headers.CacheControl = "public, max-age=300";
            headers["Cross-Origin-Resource-Policy"] = "cross-origin";
            if (context.Request.Headers.IfNoneMatch.Contains(etag))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            return Results.Bytes(logo.Content, logo.ContentType);
        });
}
