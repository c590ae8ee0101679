namespace PatientAccess.Monitor.Pages;

/// <summary>
/// The stylesheet and focus script of the whole product (the authserver's <c>Member/Assets</c>
/// files, embedded here by a link in the project file, so the pages look like one product and a
/// change to site.css reaches them), and the language switch of the review pages.
/// </summary>
internal static class ReviewAssets
{
    public const string StylePath = "/reviews/assets/site.css";
    public const string ScriptPath = "/reviews/assets/member.js";

    private static readonly Lazy<byte[]> Style = new(() => Read("PatientAccess.Monitor.Pages.site.css"));
    private static readonly Lazy<byte[]> Script = new(() => Read("PatientAccess.Monitor.Pages.member.js"));

    public static void Map(WebApplication app)
    {
        app.MapGet(StylePath, (HttpContext context) => Asset(context, Style.Value, "text/css; charset=utf-8"));
        app.MapGet(ScriptPath, (HttpContext context) => Asset(context, Script.Value, "text/javascript; charset=utf-8"));
        app.MapGet("/reviews/language", (HttpContext context, string? to, string? @return) =>
        {
            var language = to is not null && ReviewText.Languages.Contains(to) ? to : ReviewText.English;
            context.Response.Cookies.Append(ReviewText.CookieName, language, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                // Site-wide, as the authserver sets it: the product speaks the language chosen once.
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return Results.Redirect(SafeReturn(@return), permanent: false);
        });
    }

    /// <summary>Only back to a review page: never an open redirect to another site or service.</summary>
    public static string SafeReturn(string? path) =>
        path is not null && (path == "/reviews" || path.StartsWith("/reviews?", StringComparison.Ordinal))
            && !path.Contains("//", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            ? path
            : "/reviews";

    private static IResult Asset(HttpContext context, byte[] content, string type)
    {
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(content, type);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(ReviewAssets).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
