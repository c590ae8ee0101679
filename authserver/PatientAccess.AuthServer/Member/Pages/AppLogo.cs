using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Configuration;

namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>
/// Where the site's pages load an app's logo from. A logo among the site's own assets (the demo
/// apps') is registered as an absolute URL under the issuer, for the gallery and other readers;
/// on our pages it is loaded by path, so it shows whatever host name the member used and stays
/// within the pages' <c>img-src 'self'</c>. Other logos must be absolute web URLs.
/// </summary>
internal static class AppLogo
{
    private const string Assets = "/member/assets/";

    public static string? Source(HttpContext context, string? logoUri)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (logoUri is null)
        {
            return null;
        }

        var issuer = context.RequestServices.GetRequiredService<IOptions<AuthServerOptions>>().Value.IssuerBase;
        if (logoUri.StartsWith(issuer + Assets, StringComparison.Ordinal) && !logoUri.Contains("..", StringComparison.Ordinal))
        {
            return logoUri[issuer.Length..];
        }

        return Uri.TryCreate(logoUri, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? logoUri : null;
    }
}
