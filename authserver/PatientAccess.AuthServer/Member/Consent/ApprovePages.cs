using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// The last step: the app named with its logo and website, whose records, what it will see in
/// plain words; "Allow" sends the member back to the app with a code, "Don't allow" with
/// <c>access_denied</c>. Everything is checked again on post (session, request, choice, sandbox,
/// and the proxy rules for the chosen member and the sensitive categories, as of now).
/// </summary>
internal static class ApprovePages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/approve", async (HttpContext context, [AsParameters] ConsentSteps steps, CancellationToken cancellationToken) =>
        {
            var session = await steps.Sessions.FindAsync(context, cancellationToken);
            if (await steps.Consent.LoadAsync(session, cancellationToken) is not { } state
                || session!.Record is not { ChosenPatientId: { } patientId, SensitiveCategories: { } codes }
                || await steps.ChosenAsync(state.Account.PatientId, patientId, cancellationToken) is not { } member)
            {
                return MemberFlow.Expired(context);
            }

            if (!steps.Policy.MayShare(member, SharingPages.Split(codes)))
            {
                return await steps.RefuseAsync(context, state, member, Refusal(steps.Policy, member), "approve", cancellationToken);
            }

            var origin = await steps.Consent.RedirectOriginAsync(state.Request.RequestId, cancellationToken);
            return Show(new MemberPage(context), state.Request, member.DisplayName, SharingPages.Split(codes), origin);
        });
        group.MapPost("/approve", PostAsync);
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, [AsParameters] ConsentSteps steps, IAuthorizationCompletion completion, CancellationToken cancellationToken)
    {
        var (sessions, consent) = (steps.Sessions, steps.Consent);
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await sessions.FindAsync(context, cancellationToken);
        if (form is null)
        {
            return MemberFlow.BadForm(context);
        }

        if (session?.Record.RequestId is not { } requestId)
        {
            return MemberFlow.Expired(context);
        }

        AuthorizationOutcome outcome;
        if (form["decision"].ToString() == "allow")
        {
            if (await consent.LoadAsync(session, cancellationToken) is not { } state
                || session.Record is not { ChosenPatientId: { } patientId, SensitiveCategories: { } codes }
                || await steps.ChosenAsync(state.Account.PatientId, patientId, cancellationToken) is not { } member)
            {
                return MemberFlow.Expired(context);
            }

            if (!consent.IsAllowed(state.Request, patientId))
            {
                return await SandboxRefusal.ShowAsync(context, consent, state.Request, cancellationToken);
            }

            if (!steps.Policy.MayShare(member, SharingPages.Split(codes)))
            {
                return await steps.RefuseAsync(context, state, member, Refusal(steps.Policy, member), "approve", cancellationToken);
            }

            outcome = await completion.ApproveAsync(
                new AuthorizationApproval(requestId, state.Account.AccountId, patientId, SharingPages.Split(codes), FhirUser: "Patient/" + state.Account.PatientId),
                cancellationToken);

            // The language the member consented in is the language of any later notice about this app.
            await context.RequestServices.GetRequiredService<MemberLanguages>()
                .RememberAsync(state.Account.AccountId, Localization.LanguageSelector.Resolve(context).Language, cancellationToken);
        }
        else
        {
            outcome = await completion.DenyAsync(requestId, cancellationToken);
        }

        session.Record.RequestId = null;
        session.Record.ChosenPatientId = null;
        session.Record.SensitiveCategories = null;
        await sessions.SaveAsync(session, cancellationToken);
        return outcome.RedirectUri is { } uri
            ? MemberFlow.SeeOther(context, uri.AbsoluteUri)
            : MemberFlow.Message(context, "request.title", "request.rejected", StatusCodes.Status400BadRequest);
    }

    /// <summary>Why <see cref="ProxyAccessPolicy.MayShare"/> said no: the member is not offered, or a sensitive category is not the sharer's to choose.</summary>
    private static ProxyDecision Refusal(ProxyAccessPolicy policy, Identity.CoveredMember member) =>
        policy.Decide(member) is { Offered: false } decision ? decision : new(false, "proxy.sensitive.refused");

    private static IResult Show(MemberPage page, PendingAuthorizationView request, string whose, IReadOnlyList<string> codes, string? origin)
    {
        var t = page.T;
        var logo = AppLogo.Source(page.Context, request.LogoUri) is { } source
            ? Html.Of($"<img class=\"logo\" src=\"{source}\" alt=\"{t.Format("approve.logo", request.ClientName)}\" width=\"64\" height=\"64\">")
            : Html.Empty;
        var description = request.Description is { Length: > 0 } text ? Html.Of($"<p>{text}</p>") : Html.Empty;
        var website = IsWebUrl(request.Website)
            ? Html.Of($"<p>{t["approve.website"]} <a href=\"{request.Website}\" rel=\"noopener noreferrer\" target=\"_blank\">{request.Website}</a></p>")
            : Html.Of($"<p>{t["approve.noWebsite"]}</p>");
        var sees = Html.Join(ScopeWords.Describe(request.GrantableScopes, t).Select(line => Html.Of($"<li>{line}</li>")));
        var sensitive = SensitiveChoice.From([.. codes]);
        var sensitiveText = sensitive.Count == 0
            ? Html.Of($"<p>{t["approve.noSensitive"]}</p>")
            : Html.Of($"<p>{t["approve.sensitive"]}</p><ul>{Html.Join(sensitive.Select(c => Html.Of($"<li>{t["sensitive." + c.Key]}</li>")))}</ul>");
        var sandbox = request.TestFlow ? Html.Of($"<p class=\"note\">{t["approve.testFlow"]}</p>")
            : request.ClientStatus == Clients.ClientStatus.Sandbox ? Html.Of($"<p class=\"note\">{t["approve.sandbox"]}</p>")
            : Html.Empty;
        var body = Html.Of($"""
            <section class="app" aria-labelledby="app-name">
            {logo}
            <h2 id="app-name">{request.ClientName}</h2>
            {description}
            {website}
            {sandbox}
            </section>
            <p>{t.Format("approve.whose", whose)}</p>
            <h2>{t["approve.seesTitle"]}</h2>
            <ul>{sees}</ul>
            {sensitiveText}
            <p>{t["approve.readOnly"]}</p>
            <p>{t["approve.revoke"]}</p>
            <form method="post" action="{MemberFlow.Approve}">
            {page.Csrf}
            <div class="actions">
            {MemberPage.Button(t["approve.allow"], "decision", "allow")}
            {MemberPage.Button(t["approve.deny"], "decision", "deny", secondary: true)}
            </div>
            </form>
            """);
        return page.Render(t.Format("approve.title", request.ClientName), body, formTarget: origin);
    }

    private static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
