using Microsoft.AspNetCore.Http.Headers;

namespace PatientAccess.AuthServer.Member.Localization;

/// <summary>The member's language: the switch they used (a cookie), else their browser's Accept-Language, else English.</summary>
internal static class LanguageSelector
{
    public const string CookieName = "pa-lang";

    public static MemberText Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies.TryGetValue(CookieName, out var chosen) && MemberText.Languages.Contains(chosen))
        {
            return MemberText.For(chosen!);
        }

        RequestHeaders headers = context.Request.GetTypedHeaders();
        var preferred = headers.AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(l => l is not null && MemberText.Languages.Contains(l));
        return MemberText.For(preferred ?? MemberText.English);
    }

    /// <summary>Where the language switch may send the browser back to: only the site's own pages.</summary>
    public static string SafeReturn(string? path)
    {
        // The authorize endpoint's error page too: it only ever shows a page or redirects to a registered URI.
        string[] areas = ["/member", "/developer", "/gallery", "/staff", "/oauth2/authorize"];
        var ours = path is not null && (path == "/" || areas.Any(a => path == a || path.StartsWith(a + "/", StringComparison.Ordinal) || path.StartsWith(a + "?", StringComparison.Ordinal)))
            && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal);
        return ours ? path! : "/member";
    }

    public static void Remember(HttpContext context, string language)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Before the portal and gallery existed the cookie was scoped to /member; the narrower one would win there.
        context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/member" });
        context.Response.Cookies.Append(CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            // The whole site (member pages, portal, gallery, staff) speaks the language chosen once.
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }
}
