using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Authorize;
using PatientAccess.AuthServer.Member.Pages;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Member.Store;

namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>
/// Registration's first step: prove who you are with what is on your member card. Every miss
/// answers the same words at the form, not at a field (nothing tells which detail was wrong), and counts against the member ID
/// and the client address; past the limit both are locked for a while.
/// </summary>
internal static class IdentityPages
{
    /// <summary>
    /// Where errors about the details as a whole point: the form's introduction, not a field, so
    /// the page marks no field as wrong and tells no one which detail did not match.
    /// </summary>
    public const string FormLevel = "identity-details";

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/register", async (HttpContext context, MemberDirectory directory, MemberSessions sessions, CancellationToken cancellationToken) =>
        {
            if (!directory.IsConfigured)
            {
                return MemberFlow.Message(context, "unavailable.title", "unavailable.text", StatusCodes.Status503ServiceUnavailable);
            }

            await sessions.FindOrStartAsync(context, cancellationToken);
            return Show(new MemberPage(context), IdentityForm.Empty);
        });
        group.MapPost("/register", PostAsync);
    }

    private static async Task<IResult> PostAsync(
        HttpContext context, MemberDirectory directory, MemberSessions sessions, MemberAccounts accounts, Lockouts lockouts,
        AuditTrail audit, IAuthorizationCompletion completion, TimeProvider time, CancellationToken cancellationToken)
    {
        var form = await MemberForm.ReadAsync(context, cancellationToken);
        var session = await sessions.FindAsync(context, cancellationToken);
        if (form is null)
        {
            return MemberFlow.BadForm(context);
        }

        if (session is null)
        {
            return MemberFlow.Expired(context);
        }

        if (!directory.IsConfigured)
        {
            return MemberFlow.Message(context, "unavailable.title", "unavailable.text", StatusCodes.Status503ServiceUnavailable);
        }

        var typed = IdentityForm.From(form);
        var text = new MemberPage(context).T;
        var (claim, errors) = typed.Validate(text, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        if (claim is null)
        {
            return Show(new MemberPage(context) { Errors = errors }, typed, StatusCodes.Status400BadRequest);
        }

        LockoutSubject[] subjects = [lockouts.IdentityAccount(claim.MemberId), lockouts.Address(context)];
        if (await lockouts.IsLockedAsync(subjects, cancellationToken))
        {
            audit.Record(new AuditEvent(MemberAuditTypes.LockedOut, await ClientOfAsync(completion, session, cancellationToken), Detail: "identity"));
            return Show(new MemberPage(context) { Errors = [new(FormLevel, text["identity.locked"])] }, typed, StatusCodes.Status429TooManyRequests);
        }

        var patientId = await directory.VerifyAsync(claim, cancellationToken);
        if (patientId is null)
        {
            await lockouts.RecordFailureAsync(subjects, cancellationToken);
            audit.Record(new AuditEvent(MemberAuditTypes.IdentityVerificationFailed, await ClientOfAsync(completion, session, cancellationToken)));
            return Show(new MemberPage(context) { Errors = [new(FormLevel, text["identity.noMatch"])] }, typed, StatusCodes.Status400BadRequest);
        }

        await lockouts.RecordSuccessAsync(subjects, cancellationToken);
        if (await accounts.IsRegisteredAsync(patientId, cancellationToken))
        {
            return Show(new MemberPage(context) { Errors = [new(FormLevel, text["identity.alreadyRegistered"])] }, typed, StatusCodes.Status409Conflict);
        }

        session.Record.VerifiedPatientId = patientId;
        session.Record.Registering = true;
        await sessions.SaveAsync(session, cancellationToken);
        return MemberFlow.SeeOther(context, MemberFlow.Email);
    }

    /// <summary>The app the member was connecting, for the monitor; "member-app" when they came to the pages directly.</summary>
    private static async Task<string> ClientOfAsync(IAuthorizationCompletion completion, MemberSession session, CancellationToken cancellationToken) =>
        session.Record.RequestId is { } requestId && await completion.FindAsync(requestId, cancellationToken) is { } request ? request.ClientId : "member-app";

    private static IResult Show(MemberPage page, IdentityForm typed, int status = StatusCodes.Status200OK)
    {
        var t = page.T;
        var fields = Html.Of($"""
            <p id="{FormLevel}" tabindex="-1">{t["identity.intro"]}</p>
            {page.Field("first_name", t["identity.firstName"], typed.FirstName, autocomplete: "given-name")}
            {page.Field("last_name", t["identity.lastName"], typed.LastName, autocomplete: "family-name")}
            {page.Field("birth_date", t["identity.birthDate"], typed.BirthDate, type: "date", autocomplete: "bday", hint: t["identity.birthDate.hint"], maxLength: 10)}
            {page.Field("member_id", t["identity.memberId"], typed.MemberId, autocomplete: "off", hint: t["identity.memberId.hint"], maxLength: 32)}
            {page.Field("zip", t["identity.zip"], typed.PostalCode, autocomplete: "postal-code", inputMode: "numeric", maxLength: 10)}
            """);
        var body = Html.Of($"""
            {page.Form(MemberFlow.Register, fields, t["identity.submit"])}
            <p>{t["identity.haveAccount"]} <a href="{MemberFlow.SignIn}">{t["signin.link"]}</a></p>
            """);
        return page.Render(t["identity.title"], body, status);
    }
}
