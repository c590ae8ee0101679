using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary><c>/developer</c>: what the portal is (signed out), or the developer's apps (signed in).</summary>
internal static class HomePage
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(DeveloperPage.Home, async (HttpContext context, DeveloperSessions sessions, DeveloperAccounts accounts, DeveloperClients clients, CancellationToken ct) =>
        {
            var session = await sessions.FromCookieAsync(context, ct);
            if (session is not { SignedIn: true })
            {
                return Welcome(context);
            }

            var account = await accounts.FindAsync(session.Record.DeveloperId!, ct);
            var apps = await clients.ListAsync(session.Record.DeveloperId!, ct);
            var page = DeveloperPage.Create(context, true);
            var t = page.T;
            var list = apps.Count == 0
                ? Html.Of($"<p>{t["developer.apps.none"]}</p>")
                : Html.Of($"""
                    <ul class="apps">{Html.Join(apps.Select(a => Html.Of($"""
                        <li><a href="{DeveloperPage.ClientPath(a.ClientId)}">{a.Name}</a><br>
                        <span class="hint">{t["developer.client.id"]}: <code>{a.ClientId}</code> · {StatusText(t, a.Status)} · {TypeText(t, a.Type)}</span></li>
                        """)))}</ul>
                    """);
            var body = Html.Of($"""
                <p>{t.Format("developer.apps.signedInAs", account?.Email ?? string.Empty)}</p>
                {list}
                <p><a class="button" href="{DeveloperPage.NewClient}">{t["developer.nav.new"]}</a></p>
                """);
            return page.Render(t["developer.apps.title"], body);
        });

    public static string StatusText(MemberText t, ClientStatus status)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t["developer.status." + status.ToString().ToLowerInvariant()];
    }

    public static string TypeText(MemberText t, ClientType type)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t["developer.type." + ClientInput.NameOf(type)];
    }

    private static IResult Welcome(HttpContext context)
    {
        var page = DeveloperPage.Create(context, false);
        var t = page.T;
        var signedOut = context.Request.Query.ContainsKey("signedout") ? Html.Of($"<p role=\"status\" class=\"notice\">{t["developer.signedOut.done"]}</p>") : Html.Empty;
        var body = Html.Of($"""
            {signedOut}
            <p>{t["developer.home.intro"]}</p>
            <ol>
            <li>{t["developer.home.step1"]}</li>
            <li>{t["developer.home.step2"]}</li>
            <li>{t["developer.home.step3"]}</li>
            </ol>
            <ul class="start">
            <li><a class="button" href="{DeveloperPage.SignUp}">{t["developer.signup.title"]}</a></li>
            <li><a class="button" href="{DeveloperPage.SignIn}">{t["developer.signin.title"]}</a></li>
            </ul>
            """);
        return page.Render(t["developer.home.title"], body);
    }
}
