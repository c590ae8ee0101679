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

    public static void Remember(HttpContext context, string language)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Append(CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/member",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
    }
}
