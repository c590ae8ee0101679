using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// Opting in to sensitive categories. Every box starts unticked: records in these categories
/// stay back unless the member chooses otherwise, which is what 42 CFR Part 2 and state laws expect.
/// </summary>
internal static class SharingPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/sharing", async (HttpContext context, MemberSessions sessions, ConsentState consent, CancellationToken cancellationToken) =>
        {
            var session = await sessions.FindAsync(context, cancellationToken);
            return await consent.LoadAsync(session, cancellationToken) is { } && session!.Record.ChosenPatientId is not null
                ? Show(new MemberPage(context), Split(session.Record.SensitiveCategories))
                : MemberFlow.Expired(context);
        });
        group.MapPost("/sharing", async (HttpContext context, MemberSessions sessions, ConsentState consent, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            var session = await sessions.FindAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (await consent.LoadAsync(session, cancellationToken) is null || session!.Record.ChosenPatientId is null)
            {
                return MemberFlow.Expired(context);
            }

            var ticked = SensitiveChoice.All.Where(c => form[c.Key].ToString() == "yes").Select(c => c.Key);
            session.Record.SensitiveCategories = string.Join(' ', SensitiveChoice.CodesFor(ticked));
            await sessions.SaveAsync(session, cancellationToken);
            return MemberFlow.SeeOther(context, MemberFlow.Approve);
        });
    }

    public static IReadOnlyList<string> Split(string? codes) => codes?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static IResult Show(MemberPage page, IReadOnlyList<string> chosen)
    {
        var t = page.T;
        var ticked = SensitiveChoice.From([.. chosen]);
        var boxes = Html.Join(SensitiveChoice.All.Select(c => Html.Of($"""
            <div class="choice">
            <input type="checkbox" id="{c.Key}" name="{c.Key}" value="yes" aria-describedby="{c.Key}-hint"{(ticked.Contains(c) ? Html.Of($" checked") : Html.Empty)}>
            <label for="{c.Key}">{t["sensitive." + c.Key]}</label>
            <p class="hint" id="{c.Key}-hint">{t["sensitive." + c.Key + ".hint"]}</p>
            </div>
            """)));
        var fieldset = Html.Of($"""
            <fieldset aria-describedby="sharing-intro">
            <legend>{t["sharing.legend"]}</legend>
            {boxes}
            </fieldset>
            """);
        return page.Render(t["sharing.title"], Html.Of($"<p id=\"sharing-intro\">{t["sharing.intro"]}</p>{page.Form(MemberFlow.Sharing, fieldset, t["common.continue"])}"));
    }
}
