using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Codes;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Member.Security;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.ServiceDefaults.ClientAddress;

namespace PatientAccess.AuthServer.Developer.Accounts;

/// <summary>
/// Passwordless sign-up and sign-in for developers, shared by the pages and the API, on the member
/// pages' rules: a code by e-mail; the same answer, work and (through <see cref="SendTimings"/>) time
/// whether or not the address has an account (a sign-up for a taken address e-mails its owner a
/// notice instead of a code; a sign-in for an unknown address sends nothing); code e-mails limited
/// per address, per address and client address, and per client address; wrong codes counted only
/// against the client address, never the e-mail address, so no outsider can lock a developer out.
/// </summary>
internal sealed class DeveloperSignIn(
    DeveloperSessions sessions,
    DeveloperAccounts accounts,
    DeveloperCodes codes,
    Lockouts lockouts,
    ClientAddressResolver addresses,
    IMailSender mail,
    SendTimings timings,
    MemberMetrics metrics,
    AuditTrail audit,
    IOptions<DeveloperPortalOptions> options,
    TimeProvider time)
{
    public const string AuditSignedIn = "developer.signed_in";

    /// <summary>How long after a failed send an address with no account is answered as failed too.</summary>
    private static readonly TimeSpan FailureEcho = TimeSpan.FromMinutes(5);

    private long _failedUntil;

    /// <summary>Starts a session carrying a code for <paramref name="email"/>; the session is returned when the answer is <see cref="SignInStart.Sent"/>.</summary>
    public async Task<(SignInStart Result, DeveloperSession? Session)> StartAsync(
        HttpContext context, string? email, string? name, bool registering, MemberText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var address = (email ?? string.Empty).Trim();
        if (!CodeSender.IsEmail(address))
        {
            return (SignInStart.BadEmail, null);
        }

        var trimmedName = (name ?? string.Empty).Trim();
        if (registering && !DeveloperAccounts.IsName(trimmedName))
        {
            return (SignInStart.BadName, null);
        }

        address = MemberAccounts.NormalizeEmail(address);
        var refusal = await RefusalAsync(context, address, cancellationToken);
        if (refusal is not null)
        {
            return (refusal.Value, null);
        }

        var session = await sessions.StartAsync(cancellationToken);
        session.Record.Email = address;
        session.Record.Name = registering ? trimmedName : null;
        session.Record.Registering = registering;
        if (!await SendAsync(session, text, cancellationToken))
        {
            await sessions.EndAsync(session, cancellationToken);
            return (SignInStart.MailFailed, null);
        }

        await lockouts.RecordFailureAsync(SendSubjects(context, address), cancellationToken);
        await sessions.SaveAsync(session, cancellationToken);
        return (SignInStart.Sent, session);
    }

    /// <summary>A new code for a session that is waiting for one; earlier codes stop working.</summary>
    public async Task<SignInStart> ResendAsync(HttpContext context, DeveloperSession session, MemberText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var address = session.Record.Email!;
        var refusal = await RefusalAsync(context, address, cancellationToken);
        if (refusal is not null)
        {
            return refusal.Value;
        }

        var (hash, expiresAt, attempts) = (session.Record.CodeHash, session.Record.CodeExpiresAt, session.Record.CodeAttempts);
        if (!await SendAsync(session, text, cancellationToken))
        {
            // The earlier code, its tries and its expiry stay: an outage neither kills a code nor hands out fresh tries.
            (session.Record.CodeHash, session.Record.CodeExpiresAt, session.Record.CodeAttempts) = (hash, expiresAt, attempts);
            return SignInStart.MailFailed;
        }

        await lockouts.RecordFailureAsync(SendSubjects(context, address), cancellationToken);
        await sessions.SaveAsync(session, cancellationToken);
        return SignInStart.Sent;
    }

    /// <summary>Checks the code; on success the account exists (made now for a sign-up) and a new signed-in session replaces this one.</summary>
    public async Task<VerifyOutcome> VerifyAsync(HttpContext context, DeveloperSession session, string? typed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var code = DeveloperCodes.Normalize(typed);
        if (code is null)
        {
            return new VerifyOutcome(VerifyResult.Format, AttemptsLeft: codes.AttemptsLeft(session));
        }

        LockoutSubject[] subjects = [AddressSubject(context)];
        if (await lockouts.IsLockedAsync(subjects, cancellationToken))
        {
            metrics.Throttled("developer_code_locked");
            return new VerifyOutcome(VerifyResult.Locked);
        }

        var check = codes.Check(session, code);
        var record = session.Record;
        var account = check != CodeCheck.Accepted ? null
            : record.Registering ? await accounts.CreateAsync(record.Email!, record.Name!, cancellationToken)
            : await accounts.FindByEmailAsync(record.Email!, cancellationToken);
        if (account is null)
        {
            await sessions.SaveAsync(session, cancellationToken);
            await lockouts.RecordFailureAsync(subjects, cancellationToken);
            var result = check switch
            {
                CodeCheck.Accepted when record.Registering => VerifyResult.Taken,
                CodeCheck.Wrong => VerifyResult.Wrong,

                // A sign-in code for an address without an account was never sent: whoever typed it guessed.
                CodeCheck.Accepted => VerifyResult.Wrong,
                _ => VerifyResult.Dead,
            };
            return new VerifyOutcome(result, AttemptsLeft: codes.AttemptsLeft(session));
        }

        await accounts.TouchAsync(account.DeveloperId, cancellationToken);
        var signedIn = await sessions.SignInAsync(session, account.DeveloperId, cancellationToken);
        audit.Record(new AuditEvent(AuditSignedIn, "developer-portal", Detail: account.DeveloperId));
        return new VerifyOutcome(VerifyResult.SignedIn, signedIn);
    }

    private async Task<SignInStart?> RefusalAsync(HttpContext context, string address, CancellationToken cancellationToken)
    {
        if (await lockouts.IsLockedAsync([AddressSubject(context)], cancellationToken))
        {
            metrics.Throttled("developer_signin_locked");
            return SignInStart.Locked;
        }

        if (await lockouts.IsLockedAsync(SendSubjects(context, address), cancellationToken))
        {
            metrics.Throttled("developer_code_send");
            return SignInStart.Throttled;
        }

        return null;
    }

    /// <summary>Issues a code and e-mails what the address should get; false when the mail could not be handed on.</summary>
    private async Task<bool> SendAsync(DeveloperSession session, MemberText text, CancellationToken cancellationToken)
    {
        var record = session.Record;

        // Looked up on both paths, so both do the same database work.
        var existing = await accounts.FindByEmailAsync(record.Email!, cancellationToken);
        var delivery = (record.Registering, existing) switch
        {
            (true, null) => CodeDelivery.Code,
            (true, _) => CodeDelivery.AlreadyRegistered,
            (false, null) => CodeDelivery.Nothing,
            (false, _) => CodeDelivery.Code,
        };
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var code = codes.Issue(session);
        if (delivery == CodeDelivery.Nothing)
        {
            // While real sends are failing, so does this answer: "could not send" must not tell who has an account.
            var failing = now < Volatile.Read(ref _failedUntil);
            await Task.Delay(timings.Sample(sent: !failing), time, cancellationToken);
            return !failing;
        }

        var message = delivery == CodeDelivery.Code
            ? new OutgoingMail(record.Email!, text.Format("developer.mail.subject", code), text.Format("developer.mail.body", code, options.Value.CodeMinutes), text.Language)
            : new OutgoingMail(record.Email!, text["developer.mail.taken.subject"], text["developer.mail.taken.body"], text.Language);
        var started = time.GetTimestamp();
        var sent = await mail.SendAsync(message, cancellationToken);
        timings.Record(sent, time.GetElapsedTime(started));
        Volatile.Write(ref _failedUntil, sent ? 0 : now + (long)FailureEcho.TotalSeconds);
        return sent;
    }

    private LockoutSubject AddressSubject(HttpContext context) =>
        new("developer-address:" + addresses.KeyOf(context), options.Value.MaxFailuresPerAddress, false, options.Value.LockoutMinutes);

    private LockoutSubject[] SendSubjects(HttpContext context, string email)
    {
        var o = options.Value;
        var client = addresses.KeyOf(context);
        return
        [
            new("developer-send-account:" + email, o.CodeSendsPerAccount, false, o.CodeSendWindowMinutes),
            new("developer-send-account-address:" + client + " " + email, o.CodeSendsPerAccountPerAddress, false, o.CodeSendWindowMinutes),
            new("developer-send-address:" + client, o.CodeSendsPerAddress, false, 60),
        ];
    }
}
