using System.Net;

namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// The page shown when the server must not redirect (unknown client, unregistered redirect_uri,
/// blocked app): RFC 6749 §4.1.2.1 forbids sending the member to an unverified address.
/// </summary>
internal static class ErrorPage
{
    public static IResult Show(HttpContext context, string error, string description, int status = StatusCodes.Status400BadRequest)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Cannot connect this app</title></head>
            <body>
            <main>
            <h1>Cannot connect this app</h1>
            <p role="alert">{WebUtility.HtmlEncode(description)}</p>
            <p>Error code: <code>{WebUtility.HtmlEncode(error)}</code></p>
            <p>Return to the app and try again, or contact the app's developer.</p>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
