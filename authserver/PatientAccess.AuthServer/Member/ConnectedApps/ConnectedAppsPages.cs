using PatientAccess.AuthServer.Member.Consent;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Revocation;

namespace PatientAccess.AuthServer.Member.ConnectedApps;

/// <summary>
/// "Connected apps" (the SMART management endpoint): every app the member allowed, and a
/// button to disconnect each, which revokes the grant and every token issued under it.
/// </summary>
internal static class ConnectedAppsPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/apps", async (HttpContext context, MemberSessions sessions, IMemberGrants grants, CancellationToken cancellationToken) =>
        {
            var session = await sessions.FindAsync(context, cancellationToken);
            if (session?.Record.AccountId is not { } accountId)
            {
                return Results.Redirect(MemberFlow.SignIn);
            }

            var revoked = context.Request.Query["revoked"].ToString();
            return Show(new MemberPage(context), await grants.ListAsync(accountId, cancellationToken), revoked.Length is > 0 and <= 200 ? revoked : null);
        });
        group.MapPost("/apps/revoke", async (HttpContext context, MemberSessions sessions, IMemberGrants grants, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            var session = await sessions.FindAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (session?.Record.AccountId is not { } accountId)
            {
                return MemberFlow.Expired(context);
            }

            var grantId = form["grant"].ToString();
            var grant = (await grants.ListAsync(accountId, cancellationToken)).FirstOrDefault(g => g.GrantId == grantId);
            if (grant is null || !await grants.RevokeAsync(accountId, grantId, cancellationToken))
            {
                return MemberFlow.SeeOther(context, MemberFlow.Apps);
            }

            return MemberFlow.SeeOther(context, MemberFlow.Apps + "?revoked=" + Uri.EscapeDataString(grant.ClientName));
        });
        group.MapPost("/signout", async (HttpContext context, MemberSessions sessions, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (await sessions.FindAsync(context, cancellationToken) is { } session)
            {
                await sessions.EndAsync(context, session, cancellationToken);
            }

            return MemberFlow.SeeOther(context, MemberFlow.SignIn);
        });
    }

    private static IResult Show(MemberPage page, IReadOnlyList<MemberGrantView> grants, string? revoked)
    {
        var t = page.T;
        var status = revoked is null ? Html.Empty : Html.Of($"<p role=\"status\" class=\"notice\">{t.Format("apps.revoked", revoked)}</p>");
        var list = grants.Count == 0
            ? Html.Of($"<p>{t["apps.none"]}</p>")
            : Html.Of($"<ul class=\"apps\">{Html.Join(grants.Select(g => Item(page, g)))}</ul>");
        var body = Html.Of($"""
            {status}
            <p>{t["apps.intro"]}</p>
            {list}
            <form method="post" action="/member/signout">{page.Csrf}{MemberPage.Button(t["apps.signOut"], secondary: true)}</form>
            """);
        return page.Render(t["apps.title"], body);
    }

    /// <summary>
    /// One app: what it sees, one sentence per line (the sentences are whole, so they are listed,
    /// never joined), and which sensitive categories the member shared with it, or that none were.
    /// </summary>
    private static Html Item(MemberPage page, MemberGrantView grant)
    {
        var t = page.T;
        var id = "grant-" + grant.GrantId;
        var sees = Html.Join(ScopeWords.Describe(grant.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries), t).Select(line => Html.Of($"<li>{line}</li>")));
        var shared = SensitiveChoice.From([.. grant.SensitiveCategories ?? []]);
        var sensitive = shared.Count == 0
            ? Html.Of($"<p>{t["apps.noSensitive"]}</p>")
            : Html.Of($"<p>{t["apps.sensitive"]}</p><ul>{Html.Join(shared.Select(c => Html.Of($"<li>{t["sensitive." + c.Key]}</li>")))}</ul>");
        var logo = AppLogo.Source(page.Context, grant.LogoUri) is { } source
            ? Html.Of($"<img class=\"logo\" src=\"{source}\" alt=\"{t.Format("approve.logo", grant.ClientName)}\" width=\"48\" height=\"48\">")
            : Html.Empty;
        return Html.Of($"""
            <li>
            {logo}
            <h2 id="{id}">{grant.ClientName}</h2>
            <p>{t.Format("apps.since", grant.CreatedAt.UtcDateTime.ToString("D", t.Culture))}</p>
            <p>{t["apps.sees"]}</p>
            <ul>{sees}</ul>
            {sensitive}
            <form method="post" action="/member/apps/revoke">
            {page.Csrf}<input type="hidden" name="grant" value="{grant.GrantId}">
            <button type="submit" aria-describedby="{id}">{t.Format("apps.revoke", grant.ClientName)}</button>
            </form>
            </li>
            """);
    }
}
