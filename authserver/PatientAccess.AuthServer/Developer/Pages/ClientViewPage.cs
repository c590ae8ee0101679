using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Configuration;
using PatientAccess.AuthServer.Developer.Clients;
using PatientAccess.AuthServer.Developer.Evidence;
using PatientAccess.AuthServer.Developer.Logos;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>
/// One app: its sandbox credentials (the secret only once, right after it was made), settings,
/// the demo authorize request with PKCE, the evidence of demo testing, and the way to production.
/// </summary>
internal static class ClientViewPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/developer/clients/{clientId}", ShowAsync);
        app.MapPost("/developer/clients/{clientId}/secret", async (string clientId, HttpContext context, [AsParameters] ClientSteps steps, CancellationToken ct) =>
        {
            var form = await MemberForm.ReadAsync(context, ct);
            var session = await steps.Sessions.FromCookieAsync(context, ct);
            if (session is not { SignedIn: true })
            {
                return form is null ? DeveloperPage.BadForm(context, false) : DeveloperPage.SignInFirst(context);
            }

            var client = await steps.Clients.FindOwnedAsync(session.Record.DeveloperId!, clientId, ct);
            if (client is null)
            {
                return DeveloperPage.NotFound(context);
            }

            if (form is null)
            {
                return DeveloperPage.BadForm(context, true);
            }

            var secret = await steps.Clients.RotateSecretAsync(session.Record.DeveloperId!, clientId, ct);
            if (secret is null)
            {
                return DeveloperPage.Message(context, true, "developer.rotate.publicTitle", "developer.rotate.publicText", StatusCodes.Status400BadRequest);
            }

            steps.Reveal.Stash(context, session, clientId, secret);
            return MemberFlow.SeeOther(context, DeveloperPage.ClientPath(clientId) + "?rotated=1");
        });
    }

    private static async Task<IResult> ShowAsync(
        string clientId, HttpContext context, [AsParameters] ClientSteps steps, DemoEvidence evidence, MonitorReads reads, IOptions<AuthServerOptions> server, CancellationToken cancellationToken)
    {
        var session = await steps.Sessions.FromCookieAsync(context, cancellationToken);
        if (session is not { SignedIn: true })
        {
            return DeveloperPage.SignInFirst(context);
        }

        var client = await steps.Clients.FindOwnedAsync(session.Record.DeveloperId!, clientId, cancellationToken);
        if (client is null)
        {
            return DeveloperPage.NotFound(context);
        }

        var secret = steps.Reveal.Take(context, session, clientId);
        var summary = await evidence.SummaryAsync(clientId, cancellationToken);
        var counted = await reads.ForAsync(clientId, cancellationToken);
        var page = DeveloperPage.Create(context, true);
        var t = page.T;
        var query = context.Request.Query;
        var notice = query.ContainsKey("created") ? t["developer.client.created"]
            : query.ContainsKey("saved") ? t["developer.client.saved"]
            : query.ContainsKey("rotated") ? t["developer.client.rotated"]
            : null;
        var path = DeveloperPage.ClientPath(clientId);
        var body = Html.Of($"""
            {(notice is null ? Html.Empty : Html.Of($"<p role=\"status\" class=\"notice\">{notice}</p>"))}
            {(secret is null ? Html.Empty : SecretBox(t, secret))}
            {Details(t, client)}
            <p><a class="button" href="{path}/edit">{t["developer.client.edit"]}</a>
            <a class="button" href="{path}/production">{t["developer.client.production"]}</a></p>
            {(client.Type == ClientType.Confidential ? Html.Of($"""
                <h2>{t["developer.rotate.title"]}</h2>
                <p>{t["developer.rotate.text"]}</p>
                <form method="post" action="{path}/secret">{page.Csrf}{MemberPage.Button(t["developer.rotate.submit"], secondary: true)}</form>
                """) : Html.Empty)}
            {Guide(t, LaunchGuide.For(client, server.Value))}
            {Evidence(t, summary)}
            {Reads(t, counted)}
            """);
        return page.Render(client.Name, body);
    }

    private static Html SecretBox(MemberText t, string secret) => Html.Of($"""
        <div class="secret" role="region" aria-labelledby="secret-title">
        <h2 id="secret-title">{t["developer.secret.title"]}</h2>
        <p>{t["developer.secret.once"]}</p>
        <p><code id="client-secret">{secret}</code></p>
        </div>
        """);

    private static Html Details(MemberText t, ClientRecord client) => Html.Of($"""
        <dl class="details">
        <dt>{t["developer.client.id"]}</dt><dd><code>{client.ClientId}</code></dd>
        <dt>{t["developer.type.legend"]}</dt><dd>{HomePage.TypeText(t, client.Type)}</dd>
        <dt>{t["developer.client.status"]}</dt><dd>{HomePage.StatusText(t, client.Status)}</dd>
        <dt>{t["developer.redirect.label"]}</dt><dd><ul>{Html.Join(client.RedirectUris.Select(u => Html.Of($"<li><code>{u}</code></li>")))}</ul></dd>
        <dt>{t["developer.website.label"]}</dt><dd>{(client.Website is { } site ? Html.Of($"<a href=\"{site}\" rel=\"noopener noreferrer\">{site}</a>") : Html.Of($"{t["developer.client.none"]}"))}</dd>
        <dt>{t["developer.logo.label"]}</dt><dd>{(client.LogoUri is not null ? Html.Of($"<img class=\"app-logo\" src=\"{LogoStore.PathOf(client.ClientId)}\" alt=\"{t.Format("developer.logo.current", client.Name)}\" width=\"64\" height=\"64\">") : Html.Of($"{t["developer.client.none"]}"))}</dd>
        <dt>{t["developer.client.scopes"]}</dt><dd><code>{string.Join(' ', client.AllowedScopes)}</code></dd>
        </dl>
        """);

    private static Html Guide(MemberText t, LaunchGuide guide) => Html.Of($"""
        <h2>{t["developer.demo.title"]}</h2>
        <p>{t["developer.demo.sandbox"]}</p>
        <p class="note">{t["developer.demo.smart"]}</p>
        <ol class="steps">
        <li><p>{t["developer.demo.step1"]}</p><p><a href="{guide.AuthorizeUrl}">{t["developer.demo.open"]}</a></p><pre><code>{guide.AuthorizeUrl}</code></pre></li>
        <li><p>{t["developer.demo.step2"]}</p><p><code id="code-verifier">{guide.CodeVerifier}</code></p></li>
        <li><p>{t["developer.demo.step3"]}</p><pre><code>{guide.TokenCurl}</code></pre></li>
        </ol>
        {(guide.TestUrl is { } test ? Html.Of($"<p>{t["developer.demo.test"]} <a href=\"{test}\">{t["developer.demo.testLink"]}</a></p>") : Html.Empty)}
        """);

    private static Html Evidence(MemberText t, DemoEvidenceSummary summary)
    {
        var last = summary.LastExchangeAt is { } at
            ? DateTimeOffset.FromUnixTimeSeconds(at).ToString("f", t.Culture) + " UTC"
            : t["developer.evidence.never"];
        return Html.Of($"""
            <h2>{t["developer.evidence.title"]}</h2>
            <p>{t["developer.evidence.intro"]}</p>
            <dl class="details">
            <dt>{t["developer.evidence.exchanges"]}</dt><dd>{summary.Exchanges}</dd>
            <dt>{t["developer.evidence.members"]}</dt><dd>{summary.Members}</dd>
            <dt>{t["developer.evidence.last"]}</dt><dd>{last}</dd>
            </dl>
            """);
    }

    /// <summary>The monitor's count of the app's FHIR reads by resource type, or a plain sentence saying why there is none.</summary>
    private static Html Reads(MemberText t, MonitorReadsResult reads) => reads.State switch
    {
        MonitorReadsResult.Available when reads.Total == 0 => Html.Of($"""
            <h3 id="reads-title">{t["developer.evidence.readsTitle"]}</h3>
            <p>{t["developer.evidence.readsNone"]}</p>
            """),
        MonitorReadsResult.Available => Html.Of($"""
            <h3 id="reads-title">{t["developer.evidence.readsTitle"]}</h3>
            <table class="reads" aria-labelledby="reads-title">
            <thead><tr><th scope="col">{t["developer.evidence.readsType"]}</th><th scope="col">{t["developer.evidence.readsCount"]}</th></tr></thead>
            <tbody>{Html.Join(reads.Reads.Select(r => Html.Of($"<tr><th scope=\"row\">{r.Key}</th><td>{r.Value.ToString("N0", t.Culture)}</td></tr>")))}</tbody>
            <tfoot><tr><th scope="row">{t["developer.evidence.readsTotal"]}</th><td>{reads.Total.ToString("N0", t.Culture)}</td></tr></tfoot>
            </table>
            """),
        _ => Html.Of($"""
            <h3 id="reads-title">{t["developer.evidence.readsTitle"]}</h3>
            <p role="status">{t[reads == MonitorReadsResult.NotConfigured ? "developer.evidence.readsNotConfigured" : "developer.evidence.readsUnavailable"]}</p>
            """),
    };
}
