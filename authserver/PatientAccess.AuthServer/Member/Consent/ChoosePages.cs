using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Member.Store;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// Whose records to share, when the account covers more than one member (a parent with a
/// spouse or children on the plan). Only members <see cref="ProxyAccessPolicy"/> offers can be
/// chosen; the others are listed with the reason. The choice is checked against the store and
/// the policy again on post, whatever the form says.
/// </summary>
internal static class ChoosePages
{
    private static readonly string[] NamedRelationships = [CoveredMember.Self, "spouse", "child"];

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/choose", async (HttpContext context, MemberSessions sessions, ConsentState consent, MemberDirectory directory, ProxyAccessPolicy policy, CancellationToken cancellationToken) =>
        {
            var session = await sessions.FindAsync(context, cancellationToken);
            if (await consent.LoadAsync(session, cancellationToken) is not { } state)
            {
                return MemberFlow.Expired(context);
            }

            var members = await directory.CoveredMembersAsync(state.Account.PatientId, cancellationToken);
            return members.Count == 1 && members[0].IsSelf
                ? await ChooseAsync(context, sessions, consent, session!, state.Request, members[0].PatientId, cancellationToken)
                : Show(new MemberPage(context), members, policy);
        });
        group.MapPost("/choose", async (
            HttpContext context, MemberSessions sessions, ConsentState consent, MemberDirectory directory, ProxyAccessPolicy policy, MemberMetrics metrics, AuditTrail audit,
            CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            var session = await sessions.FindAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (await consent.LoadAsync(session, cancellationToken) is not { } state)
            {
                return MemberFlow.Expired(context);
            }

            var members = await directory.CoveredMembersAsync(state.Account.PatientId, cancellationToken);
            var chosen = members.FirstOrDefault(m => m.PatientId == form["member"].ToString());
            var t = new MemberPage(context).T;
            if (chosen is null)
            {
                return Show(new MemberPage(context) { Errors = [new("member-0", t["choose.error"])] }, members, policy, StatusCodes.Status400BadRequest);
            }

            if (policy.Decide(chosen) is { Offered: false } refused)
            {
                // Only a forged form gets here: the page never offers this member.
                metrics.ProxyRefused("choose");
                audit.Record(new AuditEvent(MemberAuditTypes.ProxyRefused, state.Request.ClientId, MemberAccountId: state.Account.AccountId, Detail: "choose"));
                var reason = refused.Reason(t, chosen, policy.AdultAge);
                return Show(new MemberPage(context) { Errors = [new("member-0", reason)] }, members, policy, StatusCodes.Status403Forbidden);
            }

            return await ChooseAsync(context, sessions, consent, session!, state.Request, chosen.PatientId, cancellationToken);
        });
    }

    private static async Task<IResult> ChooseAsync(
        HttpContext context, MemberSessions sessions, ConsentState consent, MemberSession session, Authorize.PendingAuthorizationView request, string patientId, CancellationToken cancellationToken)
    {
        if (!consent.IsAllowed(request, patientId))
        {
            return await SandboxRefusal.ShowAsync(context, consent, request, cancellationToken);
        }

        session.Record.ChosenPatientId = patientId;
        session.Record.SensitiveCategories = null;
        await sessions.SaveAsync(session, cancellationToken);
        return MemberFlow.SeeOther(context, MemberFlow.Sharing);
    }

    private static IResult Show(MemberPage page, IReadOnlyList<CoveredMember> members, ProxyAccessPolicy policy, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var error = page.Errors.Count > 0 ? page.Errors[0] : null;
        var offered = members.Where(m => policy.Decide(m).Offered).ToList();
        var notOffered = members.Select(m => (Member: m, Decision: policy.Decide(m))).Where(d => !d.Decision.Offered).ToList();
        var options = Html.Join(offered.Select((m, i) => Html.Of($"""
            <div class="choice">
            <input type="radio" id="member-{i}" name="member" value="{m.PatientId}"{(i == 0 ? Html.Of($" required") : Html.Empty)}>
            <label for="member-{i}">{m.DisplayName} <span class="relationship">({Relationship(page, m)})</span></label>
            </div>
            """)));
        var fieldset = Html.Of($"""
            <fieldset{(error is null ? Html.Empty : Html.Of($" aria-describedby=\"member-error\""))}>
            <legend>{t["choose.legend"]}</legend>
            {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"member-error\">{error.Message}</p>"))}
            {options}
            </fieldset>
            """);
        var reasons = notOffered.Count == 0 ? Html.Empty : Html.Of($"""
            <section aria-labelledby="not-offered">
            <h2 id="not-offered">{t["choose.notOffered"]}</h2>
            <ul class="not-offered">{Html.Join(notOffered.Select(d => Html.Of($"<li>{d.Decision.Reason(t, d.Member, policy.AdultAge)}</li>")))}</ul>
            </section>
            """);
        return page.Render(t["choose.title"], Html.Of($"<p>{t["choose.intro"]}</p>{page.Form(MemberFlow.Choose, fieldset, t["common.continue"])}{reasons}"), status);
    }

    private static string Relationship(MemberPage page, CoveredMember member) =>
        page.T["relationship." + (NamedRelationships.Contains(member.Relationship, StringComparer.Ordinal) ? member.Relationship : "other")];
}
