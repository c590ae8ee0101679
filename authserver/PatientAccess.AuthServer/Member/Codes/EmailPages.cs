using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// The two ways to an e-mailed code: the address of a new registration (after identity was
/// proved), and sign-in for a returning member (passwordless: e-mail plus code). Sign-in looks
/// the same whether or not the address has an account, so the page reveals no one's membership.
/// </summary>
internal static class EmailPages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/email", async (HttpContext context, MemberSessions sessions, CancellationToken cancellationToken) =>
            await sessions.FindAsync(context, cancellationToken) is { Record.VerifiedPatientId: not null, Record.Registering: true }
                ? Show(new MemberPage(context), MemberFlow.Email, string.Empty)
                : MemberFlow.Expired(context));
        group.MapPost("/email", (HttpContext context, MemberSessions sessions, MemberAccounts accounts, CodeSender sender, Lockouts lockouts, CancellationToken cancellationToken) =>
            PostAsync(context, sessions, accounts, sender, lockouts, registering: true, cancellationToken));
        group.MapGet("/signin", async (HttpContext context, MemberSessions sessions, CancellationToken cancellationToken) =>
        {
            await sessions.FindOrStartAsync(context, cancellationToken);
            return Show(new MemberPage(context), MemberFlow.SignIn, string.Empty);
        });
        group.MapPost("/signin", (HttpContext context, MemberSessions sessions, MemberAccounts accounts, CodeSender sender, Lockouts lockouts, CancellationToken cancellationToken) =>
            PostAsync(context, sessions, accounts, sender, lockouts, registering: false, cancellationToken));
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, MemberSessions sessions, MemberAccounts accounts, CodeSender sender, Lockouts lockouts, bool registering, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await sessions.FindAsync(context, cancellationToken);
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
        if (await lockouts.IsLockedAsync([lockouts.CodeAccount(email), lockouts.Address(context)], cancellationToken))
        {
            return Show(new MemberPage(context) { Errors = [new("email", page.T["code.locked"])] }, path, email, StatusCodes.Status429TooManyRequests);
        }

        var existing = await accounts.FindByEmailAsync(email, cancellationToken);
        if (registering && existing is not null)
        {
            return Show(new MemberPage(context) { Errors = [new("email", page.T["email.taken"])] }, path, email, StatusCodes.Status409Conflict);
        }

        session.Record.Email = email;
        session.Record.Registering = registering;
        session.Record.AccountId = null;
        if (!await sender.IssueAsync(session, page.T, deliver: registering || existing is not null, cancellationToken))
        {
            // The session is not saved: the member stays where they were, with any earlier code.
            return Show(new MemberPage(context) { Errors = [new("email", page.T["mail.notSent"])] }, path, email, StatusCodes.Status503ServiceUnavailable);
        }

        await sessions.SaveAsync(session, cancellationToken);
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
