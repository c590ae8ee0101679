using PatientAccess.AuthServer.Member.Localization;

namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>
/// The authserver's <c>/</c>: where a person who typed the server's address lands, in the site's
/// layout and their language, with the three ways on: a member's connected apps, the app gallery
/// and the developer portal.
/// </summary>
internal static class LandingPage
{
    public const string Path = "/";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext context) => Show(new MemberPage(context)));

    private static IResult Show(MemberPage page)
    {
        var t = page.T;
        var body = Html.Of($"""
            <p>{t["home.intro"]}</p>
            <ul class="destinations">
            {Destination(t, MemberFlow.Apps, "home.apps")}
            {Destination(t, "/gallery", "home.gallery")}
            {Destination(t, "/developer", "home.developer")}
            </ul>
            """);
        return page.Render(t["home.title"], body);
    }

    private static Html Destination(MemberText t, string href, string key) => Html.Of($"""
        <li>
        <h2><a href="{href}">{t[key]}</a></h2>
        <p>{t[key + ".text"]}</p>
        </li>
        """);
}
