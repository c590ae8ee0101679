using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Production;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// Staff sign-in: paste the staff key (<c>.data/secrets/staff.key</c>); a key whose SHA-256 is in
/// <c>Staff:KeyHashes</c> starts a staff session (<see cref="StaffSessions"/>). Nothing else signs
/// in here. Keys carry 256 random bits, so guessing is hopeless and no lockout is kept.
/// </summary>
internal static class StaffSignInPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/staff", () => Results.Redirect(StaffPage.Requests));
        app.MapGet(StaffPage.SignIn, (HttpContext context) => Show(StaffPage.New(context), signedOut: context.Request.Query.ContainsKey("signedout")));
        app.MapPost(StaffPage.SignIn, async (HttpContext context, StaffKeys keys, StaffSessions sessions, StaffActions actions, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            var actor = keys.Check(form["key"].ToString());
            if (actor is null)
            {
                var t = Member.Localization.LanguageSelector.Resolve(context);
                return Show(StaffPage.New(context, [new FieldError("key", t["staff.signin.error"])]), StatusCodes.Status401Unauthorized);
            }

            await sessions.StartAsync(context, actor, cancellationToken);
            await actions.RecordAsync(actor, ProductionAudit.StaffSignedIn, string.Empty, null, cancellationToken);
            return MemberFlow.SeeOther(context, StaffPage.Requests);
        });
        app.MapPost("/staff/signout", async (HttpContext context, StaffSessions sessions, StaffActions actions, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (await sessions.FindAsync(context, cancellationToken) is { } actor)
            {
                await actions.RecordAsync(actor, ProductionAudit.StaffSignedOut, string.Empty, null, cancellationToken);
            }

            await sessions.EndAsync(context, cancellationToken);
            return MemberFlow.SeeOther(context, StaffPage.SignIn + "?signedout");
        });
    }

    private static IResult Show(MemberPage page, int status = StatusCodes.Status200OK, bool signedOut = false)
    {
        var t = page.T;
        var notice = signedOut ? Html.Of($"<p class=\"notice\" role=\"status\">{t["staff.signedOut"]}</p>") : Html.Empty;
        var body = Html.Of($"""
            {notice}
            <p>{t["staff.signin.intro"]}</p>
            {page.Form(StaffPage.SignIn, page.Field("key", t["staff.signin.key"], null, "password", autocomplete: "off", hint: t["staff.signin.hint"], maxLength: StaffKeys.MaxKeyLength), t["staff.signin.submit"])}
            """);
        return page.Render(t["staff.signin.title"], body, status);
    }
}
