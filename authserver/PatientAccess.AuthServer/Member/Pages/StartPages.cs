using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Pages;

/// <summary>
/// Where <c>/oauth2/authorize</c> sends the member: names the app, then register or sign in
/// (a member already signed in goes straight on). Also the language switch and /member itself.
/// </summary>
internal static class StartPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", (HttpContext context) => Results.Redirect(MemberFlow.Apps));
        group.MapGet("/authorize/{requestId}", async (string requestId, HttpContext context, IAuthorizationCompletion completion, MemberSessions sessions, CancellationToken cancellationToken) =>
        {
            var request = requestId.Length > 64 ? null : await completion.FindAsync(requestId, cancellationToken);
            if (request is null)
            {
                return MemberFlow.Message(context, "request.title", "request.unknown", StatusCodes.Status404NotFound);
            }

            var session = await sessions.FindOrStartAsync(context, cancellationToken);
            if (session.Record.RequestId != requestId)
            {
                session.Record.RequestId = requestId;
                session.Record.ChosenPatientId = null;
                session.Record.SensitiveCategories = null;
                await sessions.SaveAsync(session, cancellationToken);
            }

            if (session.Record.AccountId is not null)
            {
                return Results.Redirect(MemberFlow.Choose);
            }

            var page = new MemberPage(context);
            var t = page.T;
            var body = Html.Of($"""
                <p>{t.Format("start.intro", request.ClientName)}</p>
                <ul class="start">
                <li><a class="button" href="{MemberFlow.Register}">{t["start.register"]}</a> {t["start.registerHint"]}</li>
                <li><a class="button" href="{MemberFlow.SignIn}">{t["signin.link"]}</a> {t["start.signInHint"]}</li>
                </ul>
                <form method="post" action="{MemberFlow.Approve}">{page.Csrf}{MemberPage.Button(t["start.decline"], "decision", "deny", secondary: true)}</form>
                """);
            var origin = await (context.RequestServices.GetRequiredService<Consent.ConsentState>()).RedirectOriginAsync(requestId, cancellationToken);
            return page.Render(t.Format("start.title", request.ClientName), body, formTarget: origin);
        });
        group.MapGet("/language", (HttpContext context, string? to, string? @return) =>
        {
            if (to is not null && MemberText.Languages.Contains(to))
            {
                LanguageSelector.Remember(context, to);
            }

            // Only our own pages: an open redirect here would lend the plan's name to phishing.
            return Results.Redirect(LanguageSelector.SafeReturn(@return));
        });
    }
}
