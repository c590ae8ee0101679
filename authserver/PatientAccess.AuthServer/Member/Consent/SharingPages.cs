using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// Opting in to sensitive categories. Every box starts unticked: records in these categories
/// stay back unless the member chooses otherwise, which is what 42 CFR Part 2 and state laws expect.
/// A parent or guardian sharing a minor's records is offered only the categories
/// <see cref="ProxyAccessOptions.ProxyMayShareSensitive"/> allows (none by default); the page says
/// which stay private, and a post ticking any other is refused.
/// </summary>
internal static class SharingPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/sharing", async (HttpContext context, [AsParameters] ConsentSteps steps, CancellationToken cancellationToken) =>
        {
            var session = await steps.Sessions.FindAsync(context, cancellationToken);
            var (answer, _, member) = await ChosenAsync(context, session, steps, cancellationToken);
            if (answer is not null)
            {
                return answer;
            }

            return Show(new MemberPage(context), member!, steps.Policy, Split(session!.Record.SensitiveCategories));
        });
        group.MapPost("/sharing", async (HttpContext context, [AsParameters] ConsentSteps steps, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            var session = await steps.Sessions.FindAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            var (answer, state, chosen) = await ChosenAsync(context, session, steps, cancellationToken);
            if (answer is not null)
            {
                return answer;
            }

            var member = chosen!;
            var ticked = SensitiveChoice.All.Where(c => form[c.Key].ToString() == "yes").ToList();
            var codes = SensitiveChoice.CodesFor(ticked.Select(c => c.Key));
            if (!steps.Policy.MayShare(member, codes))
            {
                // Only a forged form gets here: the page offers no box for these categories.
                steps.Metrics.ProxyRefused("sharing");
                steps.Audit.Record(new AuditEvent(MemberAuditTypes.ProxyRefused, state.Request.ClientId, MemberAccountId: state.Account.AccountId, Detail: "sharing"));
                var t = new MemberPage(context).T;
                var page = new MemberPage(context) { Errors = [new("kept-private", t.Format("proxy.sensitive.refused", member.DisplayName))] };
                return Show(page, member, steps.Policy, [], StatusCodes.Status403Forbidden);
            }

            session!.Record.SensitiveCategories = string.Join(' ', codes);
            await steps.Sessions.SaveAsync(session, cancellationToken);
            return MemberFlow.SeeOther(context, MemberFlow.Approve);
        });
    }

    public static IReadOnlyList<string> Split(string? codes) => codes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>
    /// The session's chosen member, judged by the proxy rules as of now (a birthday or a changed
    /// coverage since the choice counts), or the answer that ends this step instead.
    /// </summary>
    private static async Task<(IResult? Answer, (PendingAuthorizationView Request, MemberAccountRecord Account) State, CoveredMember? Member)> ChosenAsync(
        HttpContext context, MemberSession? session, ConsentSteps steps, CancellationToken cancellationToken)
    {
        if (await steps.Consent.LoadAsync(session, cancellationToken) is not { } state || session!.Record.ChosenPatientId is not { } chosenId)
        {
            return (MemberFlow.Expired(context), default, null);
        }

        var member = await steps.ChosenAsync(state.Account.PatientId, chosenId, cancellationToken);
        if (member is null)
        {
            return (MemberFlow.Expired(context), state, null);
        }

        return steps.Policy.Decide(member) is { Offered: false } refused
            ? (await steps.RefuseAsync(context, state, member, refused, "sharing", cancellationToken), state, member)
            : (null, state, member);
    }

    private static IResult Show(MemberPage page, CoveredMember member, ProxyAccessPolicy policy, IReadOnlyList<string> chosen, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var ticked = SensitiveChoice.From([.. chosen]);
        var offered = policy.ChoicesFor(member);
        var withheld = SensitiveChoice.All.Except(offered).ToList();
        var boxes = Html.Join(offered.Select(c => Html.Of($"""
            <div class="choice">
            <input type="checkbox" id="{c.Key}" name="{c.Key}" value="yes" aria-describedby="{c.Key}-hint"{(ticked.Contains(c) ? Html.Of($" checked") : Html.Empty)}>
            <label for="{c.Key}">{t["sensitive." + c.Key]}</label>
            <p class="hint" id="{c.Key}-hint">{t["sensitive." + c.Key + ".hint"]}</p>
            </div>
            """)));
        var fieldset = offered.Count == 0 ? Html.Empty : Html.Of($"""
            <fieldset aria-describedby="sharing-intro">
            <legend>{t["sharing.legend"]}</legend>
            {boxes}
            </fieldset>
            """);
        var kept = withheld.Count == 0 ? Html.Empty : Html.Of($"""
            <section id="kept-private" tabindex="-1" aria-labelledby="kept-private-title">
            <h2 id="kept-private-title">{t["proxy.sensitive.title"]}</h2>
            <p>{t.Format("proxy.sensitive.intro", member.DisplayName)}</p>
            <ul>{Html.Join(withheld.Select(c => Html.Of($"<li>{t["sensitive." + c.Key]}</li>")))}</ul>
            </section>
            """);
        return page.Render(
            t["sharing.title"],
            Html.Of($"<p id=\"sharing-intro\">{t["sharing.intro"]}</p>{kept}{page.Form(MemberFlow.Sharing, fieldset, t["common.continue"])}"),
            status);
    }
}
