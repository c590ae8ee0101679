using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Gallery;

/// <summary>
/// <c>GET /gallery</c>: the plan's approved apps as cards, for members choosing an app, in English
/// or Spanish (Accept-Language, or the site-wide language switch).
/// </summary>
internal static class GalleryPages
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/gallery", async (HttpContext context, GalleryCatalog catalog, CancellationToken cancellationToken) =>
        {
            var page = new MemberPage(context);
            var t = page.T;
            var apps = await catalog.ListAsync(cancellationToken);
            var cards = apps.Count == 0 ? Html.Of($"<p>{t["gallery.none"]}</p>") : Html.Of($"<ul class=\"gallery\">{Html.Join(apps.Select(a => Card(a, page)))}</ul>");
            return page.Render(t["gallery.title"], Html.Of($"<p>{t["gallery.intro"]}</p>{cards}"));
        });

    private static Html Card(GalleryApp app, MemberPage page)
    {
        var t = page.T;
        var id = "app-" + app.ClientId;
        Html Link(string? uri, string key) => uri is null ? Html.Empty
            : Html.Of($"<li><a href=\"{uri}\" rel=\"noopener noreferrer\" aria-describedby=\"{id}\">{t[key]}</a></li>");
        var logo = app.LogoUri is null ? Html.Empty : Html.Of($"<img src=\"{app.LogoUri}\" alt=\"\" width=\"64\" height=\"64\" class=\"app-logo\">");
        var support = app.SupportEmail is null ? Html.Empty
            : Html.Of($"<li><a href=\"mailto:{app.SupportEmail}\" aria-describedby=\"{id}\">{t.Format("gallery.support", app.SupportEmail)}</a></li>");
        return Html.Of($"""
            <li class="card">
            {logo}
            <h2 id="{id}">{app.Name}</h2>
            <p>{app.Description ?? t["gallery.noDescription"]}</p>
            <ul class="links">
            {Link(app.Website, "gallery.website")}
            {Link(app.PrivacyPolicyUri, "gallery.privacy")}
            {Link(app.TermsOfServiceUri, "gallery.terms")}
            {support}
            </ul>
            </li>
            """);
    }
}
