using System.Net.Mail;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>
/// Puts a new code on the session and e-mails it in the member's language. The code itself is
/// never logged. Every way through does the same work (the account lookup was already made, a
/// code is always issued and hashed) and takes about as long (<see cref="SendTimings"/>), so
/// neither the answer nor its timing tells whether an address has an account.
/// </summary>
internal sealed class CodeSender(EmailCodes codes, IMailSender mail, IOptions<MemberAppOptions> options, TimeProvider time, AuthMetrics metrics, SendTimings timings)
{
    public const int MaxEmailLength = 254;

    /// <summary>How long after a failed send an address with no account is answered as failed too.</summary>
    private static readonly TimeSpan FailureEcho = TimeSpan.FromMinutes(5);

    private long _failedUntil;

    public static bool IsEmail(string value) =>
        value.Length is > 3 and <= MaxEmailLength
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>
    /// Issues a code and sends what <paramref name="delivery"/> says: the code, a notice that the
    /// address already has an account (registration with a taken address: the registrant sees
    /// the same page, the code never leaves the server), or nothing (sign-in for an address with no
    /// account). False when the mail could not be sent: the session's earlier code, its tries and
    /// its expiry are then put back, so an outage neither kills a code the member may already have
    /// nor hands out fresh tries.
    /// </summary>
    public async Task<bool> IssueAsync(MemberSession session, MemberText text, CodeDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(text);
        var record = session.Record;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (delivery == CodeDelivery.Nothing || record.Email is not { } to)
        {
            // While known members are being told the mail failed, so is everyone else: otherwise
            // "could not send" versus "code sent" would tell who has an account.
            var failing = now < Volatile.Read(ref _failedUntil);
            if (!failing)
            {
                codes.Issue(session);
            }

            await Task.Delay(timings.Sample(sent: !failing), time, cancellationToken);
            return !failing;
        }

        var (hash, expiresAt, attempts) = (record.CodeHash, record.CodeExpiresAt, record.CodeAttempts);
        var code = codes.Issue(session);
        var message = delivery == CodeDelivery.Code
            ? new OutgoingMail(to, text.Format("mail.subject", code), text.Format("mail.body", code, options.Value.CodeMinutes), text.Language)
            : new OutgoingMail(to, text["mail.taken.subject"], text["mail.taken.body"], text.Language);
        var started = time.GetTimestamp();
        var sent = await mail.SendAsync(message, cancellationToken);
        timings.Record(sent, time.GetElapsedTime(started));
        metrics.MemberMail(sent);
        if (sent)
        {
            Volatile.Write(ref _failedUntil, 0);
            return true;
        }

        (record.CodeHash, record.CodeExpiresAt, record.CodeAttempts) = (hash, expiresAt, attempts);
        Volatile.Write(ref _failedUntil, now + (long)FailureEcho.TotalSeconds);
        return false;
    }
}
