using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Identity;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// Confirming the e-mailed code: five tries per code (a code works only in the browser session it
/// was sent for, so an outsider's wrong tries kill only their own code), failures also count
/// against the real client address, and new codes are throttled (<see cref="CodeSendThrottle"/>),
/// so sending new codes does not buy unlimited guesses. Nothing is counted against the e-mail
/// address: that would let anyone who knows it keep its member from signing in.
/// </summary>
internal static class CodePages
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/code", async (HttpContext context, MemberSessions sessions, CancellationToken cancellationToken) =>
            await sessions.FindAsync(context, cancellationToken) is { Record.Email: { } email } session
                ? Show(new MemberPage(context), email, session.Record.Registering, sent: context.Request.Query.ContainsKey("sent"))
                : MemberFlow.Expired(context));
        group.MapPost("/code", PostAsync);
        group.MapPost("/code/resend", async (HttpContext context, [AsParameters] CodeSteps steps, CancellationToken cancellationToken) =>
        {
            var form = await MemberForm.ReadAsync(context, cancellationToken);
            var session = await steps.Sessions.FindAsync(context, cancellationToken);
            if (form is null)
            {
                return MemberFlow.BadForm(context);
            }

            if (session is not { Record.Email: { } email })
            {
                return MemberFlow.Expired(context);
            }

            var page = new MemberPage(context);
            if (await steps.Lockouts.IsLockedAsync([steps.Lockouts.Address(context)], cancellationToken))
            {
                steps.Metrics.Throttled("signin_locked");
                return Show(new MemberPage(context) { Errors = [new("code", page.T["code.locked"])] }, email, session.Record.Registering, status: StatusCodes.Status429TooManyRequests);
            }

            if (!await steps.Throttle.AllowsAsync(context, email, cancellationToken))
            {
                return Show(new MemberPage(context) { Errors = [new("code", page.T["code.throttled"])] }, email, session.Record.Registering, status: StatusCodes.Status429TooManyRequests);
            }

            var existing = await steps.Accounts.FindByEmailAsync(email, cancellationToken);
            var delivery = (session.Record.Registering, existing) switch
            {
                (true, null) => CodeDelivery.Code,
                (true, { } own) when own.PatientId == session.Record.VerifiedPatientId => CodeDelivery.Code,
                (true, _) => CodeDelivery.AlreadyRegistered,
                (false, null) => CodeDelivery.Nothing,
                (false, _) => CodeDelivery.Code,
            };
            if (!await steps.Sender.IssueAsync(session, page.T, delivery, cancellationToken))
            {
                // Not a failed code: no try is used and nothing counts towards a lockout or a send limit.
                return Show(new MemberPage(context) { Errors = [new("code", page.T["mail.notSent"])] }, email, session.Record.Registering, status: StatusCodes.Status503ServiceUnavailable);
            }

            await steps.Throttle.CountAsync(context, email, cancellationToken);
            await steps.Sessions.SaveAsync(session, cancellationToken);
            return MemberFlow.SeeOther(context, MemberFlow.Code + "?sent=1");
        });
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, MemberSessions sessions, MemberAccounts accounts, EmailCodes codes, Lockouts lockouts, MemberMetrics metrics, AuditTrail audit, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await sessions.FindAsync(context, cancellationToken);
        if (form is null)
        {
            return MemberFlow.BadForm(context);
        }

        if (session is not { Record.Email: { } email })
        {
            return MemberFlow.Expired(context);
        }

        var t = new MemberPage(context).T;
        var typed = form["code"].ToString().Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (typed.Length != 6 || !typed.All(char.IsAsciiDigit))
        {
            return Show(new MemberPage(context) { Errors = [new("code", t["code.format"])] }, email, session.Record.Registering, status: StatusCodes.Status400BadRequest);
        }

        LockoutSubject[] subjects = [lockouts.Address(context)];
        if (await lockouts.IsLockedAsync(subjects, cancellationToken))
        {
            metrics.Throttled("code_locked");
            audit.Record(new AuditEvent(MemberAuditTypes.LockedOut, "member-app", Detail: "code"));
            return Show(new MemberPage(context) { Errors = [new("code", t["code.locked"])] }, email, session.Record.Registering, status: StatusCodes.Status429TooManyRequests);
        }

        var check = codes.Check(session, typed);
        var account = check != CodeCheck.Accepted ? null
            : session.Record.Registering ? await accounts.CreateAsync(email, session.Record.VerifiedPatientId!, cancellationToken)
                ?? await accounts.FindOwnAsync(email, session.Record.VerifiedPatientId!, cancellationToken)
            : await accounts.FindByEmailAsync(email, cancellationToken);
        if (account is null)
        {
            await sessions.SaveAsync(session, cancellationToken);
            await lockouts.RecordFailureAsync(subjects, cancellationToken);
            audit.Record(new AuditEvent(MemberAuditTypes.CodeFailed, "member-app"));
            var message = check switch
            {
                CodeCheck.Wrong => t.Format("code.wrong", codes.AttemptsLeft(session)),
                CodeCheck.Accepted => t["identity.alreadyRegistered"],
                _ => t["code.dead"],
            };
            return Show(new MemberPage(context) { Errors = [new("code", message)] }, email, session.Record.Registering, status: StatusCodes.Status400BadRequest);
        }

        await lockouts.RecordSuccessAsync(subjects, cancellationToken);
        await accounts.TouchAsync(account.AccountId, cancellationToken);
        session.Record.AccountId = account.AccountId;
        session.Record.VerifiedPatientId = null;
        session.Record.Registering = false;
        await sessions.SaveAsync(session, cancellationToken);
        return MemberFlow.SeeOther(context, MemberFlow.AfterSignIn(session.Record));
    }

    /// <summary>
    /// Right after registering the page says plainly that a code was sent (the registrant typed the
    /// address a moment ago; an address that already had an account got a notice instead, which
    /// says so). For sign-in it stays conditional, so the page never tells who has an account.
    /// </summary>
    private static IResult Show(MemberPage page, string email, bool registering, bool sent = false, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var field = page.Field("code", t["code.label"], string.Empty, autocomplete: "one-time-code", inputMode: "numeric", hint: t["code.hint"], maxLength: 6);
        var body = Html.Of($"""
            <p>{t.Format(registering ? "code.introRegistering" : "code.intro", email)}</p>
            {(sent ? Html.Of($"<p role=\"status\">{t["code.resent"]}</p>") : Html.Empty)}
            {page.Form(MemberFlow.Code, field, t["code.submit"])}
            <form method="post" action="/member/code/resend">{page.Csrf}{MemberPage.Button(t["code.resend"], secondary: true)}</form>
            """);
        return page.Render(t["code.title"], body, status);
    }
}
