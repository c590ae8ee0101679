using PatientAccess.AuthServer.Developer.Accounts;
using PatientAccess.AuthServer.Member.Codes;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;

namespace PatientAccess.AuthServer.Developer.Pages;

/// <summary>
/// Sign-up (name and e-mail), sign-in (e-mail), the code page and sign-out. Passwordless: a
/// developer proves the address with a code each time, as members do, so the portal keeps no
/// password to leak or reset. Every post carries the antiforgery token; every answer looks the
/// same whether or not the address has an account.
/// </summary>
internal static class AccountPages
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(DeveloperPage.SignUp, (HttpContext context) => ShowStart(DeveloperPage.Create(context, false), registering: true, string.Empty, string.Empty));
        app.MapGet(DeveloperPage.SignIn, (HttpContext context) => ShowStart(DeveloperPage.Create(context, false), registering: false, string.Empty, string.Empty));
        app.MapPost(DeveloperPage.SignUp, (HttpContext context, DeveloperSessions sessions, DeveloperSignIn signIn, CancellationToken ct) => StartAsync(context, sessions, signIn, registering: true, ct));
        app.MapPost(DeveloperPage.SignIn, (HttpContext context, DeveloperSessions sessions, DeveloperSignIn signIn, CancellationToken ct) => StartAsync(context, sessions, signIn, registering: false, ct));
        app.MapGet(DeveloperPage.Code, async (HttpContext context, DeveloperSessions sessions, CancellationToken ct) =>
            await sessions.FromCookieAsync(context, ct) is { SignedIn: false, Record.Email: { } email } session
                ? ShowCode(DeveloperPage.Create(context, false), email, session.Record.Registering, sent: context.Request.Query.ContainsKey("sent"))
                : Expired(context));
        app.MapPost(DeveloperPage.Code, VerifyAsync);
        app.MapPost(DeveloperPage.Code + "/resend", ResendAsync);
        app.MapPost(DeveloperPage.SignOut, async (HttpContext context, DeveloperSessions sessions, CancellationToken ct) =>
        {
            var form = await MemberForm.ReadAsync(context, ct);
            var session = await sessions.FromCookieAsync(context, ct);
            if (form is null)
            {
                return DeveloperPage.BadForm(context, session?.SignedIn == true);
            }

            if (session is not null)
            {
                await sessions.EndAsync(session, ct);
            }

            DeveloperSessions.ClearCookie(context);
            return MemberFlow.SeeOther(context, DeveloperPage.Home + "?signedout=1");
        });
    }

    private static async Task<IResult> StartAsync(HttpContext context, DeveloperSessions sessions, DeveloperSignIn signIn, bool registering, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        if (form is null)
        {
            return DeveloperPage.BadForm(context, false);
        }

        var email = form["email"].ToString();
        var name = form["name"].ToString();
        var t = DeveloperPage.Create(context, false).T;
        var (result, session) = await signIn.StartAsync(context, email, name, registering, t, cancellationToken);
        if (result == SignInStart.Sent)
        {
            // Whatever session this browser had (signed in or waiting for a code) ends here.
            if (await sessions.FromCookieAsync(context, cancellationToken) is { } previous)
            {
                await sessions.EndAsync(previous, cancellationToken);
            }

            DeveloperSessions.SetCookie(context, session!.Handle);
            return MemberFlow.SeeOther(context, DeveloperPage.Code);
        }

        var (field, key, status) = result switch
        {
            SignInStart.BadName => ("name", "developer.name.personError", StatusCodes.Status400BadRequest),
            SignInStart.BadEmail => ("email", "email.error", StatusCodes.Status400BadRequest),
            SignInStart.Locked => ("email", "developer.code.locked", StatusCodes.Status429TooManyRequests),
            SignInStart.Throttled => ("email", "developer.code.throttled", StatusCodes.Status429TooManyRequests),
            _ => ("email", "mail.notSent", StatusCodes.Status503ServiceUnavailable),
        };
        return ShowStart(DeveloperPage.Create(context, false, [new(field, t[key])]), registering, name.Trim(), email.Trim(), status);
    }

    private static async Task<IResult> VerifyAsync(HttpContext context, DeveloperSessions sessions, DeveloperSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await sessions.FromCookieAsync(context, cancellationToken);
        if (form is null)
        {
            return DeveloperPage.BadForm(context, false);
        }

        if (session is not { SignedIn: false, Record.Email: { } email })
        {
            return Expired(context);
        }

        var outcome = await signIn.VerifyAsync(context, session, form["code"].ToString(), cancellationToken);
        if (outcome.Result == VerifyResult.SignedIn)
        {
            DeveloperSessions.SetCookie(context, outcome.Session!.Handle);
            return MemberFlow.SeeOther(context, DeveloperPage.Home);
        }

        var t = DeveloperPage.Create(context, false).T;
        var (message, status) = outcome.Result switch
        {
            VerifyResult.Format => (t["code.format"], StatusCodes.Status400BadRequest),
            VerifyResult.Wrong => (t.Format("code.wrong", outcome.AttemptsLeft), StatusCodes.Status400BadRequest),
            VerifyResult.Locked => (t["developer.code.locked"], StatusCodes.Status429TooManyRequests),
            VerifyResult.Taken => (t["developer.code.taken"], StatusCodes.Status409Conflict),
            _ => (t["code.dead"], StatusCodes.Status400BadRequest),
        };
        return ShowCode(DeveloperPage.Create(context, false, [new("code", message)]), email, session.Record.Registering, status: status);
    }

    private static async Task<IResult> ResendAsync(HttpContext context, DeveloperSessions sessions, DeveloperSignIn signIn, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await sessions.FromCookieAsync(context, cancellationToken);
        if (form is null)
        {
            return DeveloperPage.BadForm(context, false);
        }

        if (session is not { SignedIn: false, Record.Email: { } email })
        {
            return Expired(context);
        }

        var t = DeveloperPage.Create(context, false).T;
        var result = await signIn.ResendAsync(context, session, t, cancellationToken);
        if (result == SignInStart.Sent)
        {
            return MemberFlow.SeeOther(context, DeveloperPage.Code + "?sent=1");
        }

        var (key, status) = result switch
        {
            SignInStart.Locked => ("developer.code.locked", StatusCodes.Status429TooManyRequests),
            SignInStart.Throttled => ("developer.code.throttled", StatusCodes.Status429TooManyRequests),
            _ => ("mail.notSent", StatusCodes.Status503ServiceUnavailable),
        };
        return ShowCode(DeveloperPage.Create(context, false, [new("code", t[key])]), email, session.Record.Registering, status: status);
    }

    private static IResult ShowStart(MemberPage page, bool registering, string name, string email, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var fields = Html.Of($"""
            {(registering ? page.Field("name", t["developer.name.person"], name, autocomplete: "name", maxLength: DeveloperAccounts.MaxNameLength) : Html.Empty)}
            {page.Field("email", t["email.label"], email, type: "email", autocomplete: "email", hint: t["email.hint"], maxLength: CodeSender.MaxEmailLength)}
            """);
        var other = registering
            ? Html.Of($"<p>{t["developer.signup.haveAccount"]} <a href=\"{DeveloperPage.SignIn}\">{t["developer.signin.title"]}</a></p>")
            : Html.Of($"<p>{t["developer.signin.new"]} <a href=\"{DeveloperPage.SignUp}\">{t["developer.signup.title"]}</a></p>");
        var body = Html.Of($"""
            <p>{t[registering ? "developer.signup.intro" : "developer.signin.intro"]}</p>
            {page.Form(registering ? DeveloperPage.SignUp : DeveloperPage.SignIn, fields, t["email.submit"])}
            {other}
            """);
        return page.Render(t[registering ? "developer.signup.title" : "developer.signin.title"], body, status);
    }

    private static IResult ShowCode(MemberPage page, string email, bool registering, bool sent = false, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var field = page.Field("code", t["code.label"], string.Empty, autocomplete: "one-time-code", inputMode: "numeric", hint: t["code.hint"], maxLength: 6);
        var body = Html.Of($"""
            <p>{t.Format(registering ? "developer.code.introSignUp" : "developer.code.introSignIn", email)}</p>
            {(sent ? Html.Of($"<p role=\"status\">{t["code.resent"]}</p>") : Html.Empty)}
            {page.Form(DeveloperPage.Code, field, t["code.submit"])}
            <form method="post" action="{DeveloperPage.Code}/resend">{page.Csrf}{MemberPage.Button(t["code.resend"], secondary: true)}</form>
            """);
        return page.Render(t["code.title"], body, status);
    }

    private static IResult Expired(HttpContext context) =>
        DeveloperPage.Message(context, false, "errors.sessionTitle", "developer.expired.text", StatusCodes.Status400BadRequest,
            Html.Of($"<p><a href=\"{DeveloperPage.SignIn}\">{DeveloperPage.Create(context, false).T["developer.signin.title"]}</a></p>"));
}
