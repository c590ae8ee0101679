using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// The two ways to an e-mailed code: the address of a new registration (after identity was
/// proved), and sign-in for a returning member (passwordless: e-mail plus code). Both look the
/// same whether or not the address has an account (same status, page, work and, through
/// <see cref="CodeSender"/>, time), so neither reveals anyone's membership; every code sent, or
/// answered as sent, counts toward <see cref="CodeSendThrottle"/>.
/// </summary>
internal static class EmailPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/email", async (HttpContext context, MemberSessions sessions, CancellationToken cancellationToken) =>
            await sessions.FindAsync(context, cancellationToken) is { Record.VerifiedPatientId: not null, Record.Registering: true }
                ? Show(new MemberPage(context), MemberFlow.Email, string.Empty)
                : MemberFlow.Expired(context));
        group.MapPost("/email", (HttpContext context, [AsParameters] CodeSteps steps, CancellationToken cancellationToken) =>
            PostAsync(context, steps, registering: true, cancellationToken));
        group.MapGet("/signin", async (HttpContext context, MemberSessions sessions, CancellationToken cancellationToken) =>
        {
            await sessions.FindOrStartAsync(context, cancellationToken);
            return Show(new MemberPage(context), MemberFlow.SignIn, string.Empty);
        });
        group.MapPost("/signin", (HttpContext context, [AsParameters] CodeSteps steps, CancellationToken cancellationToken) =>
            PostAsync(context, steps, registering: false, cancellationToken));
    }

    private static async Task<IResult> PostAsync(HttpContext context, CodeSteps steps, bool registering, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await steps.Sessions.FindAsync(context, cancellationToken);
        if (form is null)
        {
            return MemberFlow.BadForm(context);
        }

        if (session is null || (registering && session.Record.VerifiedPatientId is null))
        {
            return MemberFlow.Expired(context);
        }

        var path = registering ? MemberFlow.Email : MemberFlow.SignIn;
        var page = new MemberPage(context);
        var email = form["email"].ToString().Trim();
        if (!CodeSender.IsEmail(email))
        {
            return Show(new MemberPage(context) { Errors = [new("email", page.T["email.error"])] }, path, email, StatusCodes.Status400BadRequest);
        }

        email = MemberAccounts.NormalizeEmail(email);
        if (await steps.Lockouts.IsLockedAsync([steps.Lockouts.Address(context)], cancellationToken))
        {
            steps.Metrics.Throttled("signin_locked");
            return Show(new MemberPage(context) { Errors = [new("email", page.T["code.locked"])] }, path, email, StatusCodes.Status429TooManyRequests);
        }

        if (!await steps.Throttle.AllowsAsync(context, email, cancellationToken))
        {
            return Show(new MemberPage(context) { Errors = [new("email", page.T["code.throttled"])] }, path, email, StatusCodes.Status429TooManyRequests);
        }

        // Looked up on both paths, so both do the same database work.
        var existing = await steps.Accounts.FindByEmailAsync(email, cancellationToken);
        var delivery = (registering, existing) switch
        {
            (true, null) => CodeDelivery.Code,

            // The address already holds this very member's account (a developer registering the
            // demo member again): the code signs that account in (see CodePages).
            (true, { } own) when own.PatientId == session.Record.VerifiedPatientId => CodeDelivery.Code,
            (true, _) => CodeDelivery.AlreadyRegistered,
            (false, null) => CodeDelivery.Nothing,
            (false, _) => CodeDelivery.Code,
        };
        session.Record.Email = email;
        session.Record.Registering = registering;
        session.Record.AccountId = null;
        if (!await steps.Sender.IssueAsync(session, page.T, delivery, cancellationToken))
        {
            // The session is not saved: the member stays where they were, with any earlier code.
            return Show(new MemberPage(context) { Errors = [new("email", page.T["mail.notSent"])] }, path, email, StatusCodes.Status503ServiceUnavailable);
        }

        await steps.Throttle.CountAsync(context, email, cancellationToken);
        await steps.Sessions.SaveAsync(session, cancellationToken);
        return MemberFlow.SeeOther(context, MemberFlow.Code);
    }

    private static IResult Show(MemberPage page, string path, string email, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var signIn = path == MemberFlow.SignIn;
        var field = page.Field("email", t["email.label"], email, type: "email", autocomplete: "email", hint: t[signIn ? "signin.hint" : "email.hint"], maxLength: CodeSender.MaxEmailLength);
        var body = Html.Of($"""
            <p>{t[signIn ? "signin.intro" : "email.intro"]}</p>
            {page.Form(path, field, t["email.submit"])}
            {(signIn ? Html.Of($"<p>{t["signin.new"]} <a href=\"{MemberFlow.Register}\">{t["start.register"]}</a></p>") : Html.Empty)}
            """);
        return page.Render(t[signIn ? "signin.title" : "email.title"], body, status);
    }
}
