using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// What every staff page shares: who is asking (a staff key in <c>Authorization: Bearer</c>, or
/// the staff session cookie), the 401 page for anyone else, the area's navigation, and the
/// sign-out button at the foot of each page.
/// </summary>
internal static class StaffPage
{
    public const string SignIn = "/staff/signin";
    public const string Requests = "/staff/requests";
    public const string Reviews = "/staff/reviews";

    public static async Task<StaffActor?> ActorAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RequestServices.GetRequiredService<StaffKeys>().FromHeader(context)
            ?? await context.RequestServices.GetRequiredService<StaffSessions>().FindAsync(context, cancellationToken);
    }

    /// <summary>401 with a way to sign in: no staff page says anything to anyone without the key.</summary>
    public static IResult Unauthorized(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"patientaccess-staff\"";
        var page = New(context);
        return page.Render(page.T["staff.unauthorized.title"], Html.Of($"<p>{page.T["staff.unauthorized.text"]}</p><p><a href=\"{SignIn}\">{page.T["staff.signin.title"]}</a></p>"), StatusCodes.Status401Unauthorized);
    }

    public static MemberPage New(HttpContext context, IReadOnlyList<FieldError>? errors = null)
    {
        var t = LanguageSelector.Resolve(context);
        return new MemberPage(context)
        {
            Errors = errors ?? [],
            AreaNav = Html.Of($"<nav aria-label=\"{t["staff.nav"]}\" class=\"area\"><a href=\"{Requests}\">{t["staff.requests.title"]}</a> <a href=\"{Reviews}\">{t["staff.reviews.title"]}</a></nav>"),
        };
    }

    public static Html SignOut(MemberPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return Html.Of($"<form method=\"post\" action=\"/staff/signout\" class=\"signout\">{page.Csrf}{MemberPage.Button(page.T["staff.signout"], secondary: true)}</form>");
    }

    public static string Date(DateTimeOffset time, MemberText t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return time.UtcDateTime.ToString("d MMM yyyy HH:mm 'UTC'", t.Culture);
    }
}
