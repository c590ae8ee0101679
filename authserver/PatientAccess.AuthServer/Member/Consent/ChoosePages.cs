using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Member.Store;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// Whose records to share, when the account covers more than one member (a parent with a
/// spouse or children on the plan). The choice is checked against the store again on post:
/// only members the account covers can be chosen, whatever the form says.
/// </summary>
internal static class ChoosePages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/choose", async (HttpContext context, MemberSessions sessions, ConsentState consent, MemberDirectory directory, CancellationToken cancellationToken) =>
        {
            var session = await sessions.FindAsync(context, cancellationToken);
            if (await consent.LoadAsync(session, cancellationToken) is not { } state)
            {
                return MemberFlow.Expired(context);
            }

            var members = await directory.CoveredMembersAsync(state.Account.PatientId, cancellationToken);
            return members.Count == 1
                ? await ChooseAsync(context, sessions, consent, session!, state.Request, members[0].PatientId, cancellationToken)
                : Show(new MemberPage(context), members);
        });
        group.MapPost("/choose", async (HttpContext context, MemberSessions sessions, ConsentState consent, MemberDirectory directory, CancellationToken cancellationToken) =>
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
            if (chosen is null)
            {
                var page = new MemberPage(context) { Errors = [new("member-0", new MemberPage(context).T["choose.error"])] };
                return Show(page, members, StatusCodes.Status400BadRequest);
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

    private static IResult Show(MemberPage page, IReadOnlyList<CoveredMember> members, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var error = page.Errors.Count > 0 ? page.Errors[0] : null;
        var options = Html.Join(members.Select((m, i) => Html.Of($"""
            <div class="choice">
            <input type="radio" id="member-{i}" name="member" value="{m.PatientId}"{(i == 0 ? Html.Of($" required") : Html.Empty)}>
            <label for="member-{i}">{m.DisplayName} <span class="relationship">({t["relationship." + m.Relationship]})</span></label>
            </div>
            """)));
        var fieldset = Html.Of($"""
            <fieldset{(error is null ? Html.Empty : Html.Of($" aria-describedby=\"member-error\""))}>
            <legend>{t["choose.legend"]}</legend>
            {(error is null ? Html.Empty : Html.Of($"<p class=\"error\" id=\"member-error\">{error.Message}</p>"))}
            {options}
            </fieldset>
            """);
        return page.Render(t["choose.title"], Html.Of($"<p>{t["choose.intro"]}</p>{page.Form(MemberFlow.Choose, fieldset, t["common.continue"])}"), status);
    }
}
