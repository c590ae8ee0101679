using System.Net.Mail;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Audit;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>Puts a new code on the session and e-mails it in the member's language. The code itself is never logged.</summary>
internal sealed class CodeSender(EmailCodes codes, IMailSender mail, IOptions<MemberAppOptions> options, TimeProvider time, AuthMetrics metrics)
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
    /// Issues a code; sends it only when <paramref name="deliver"/> (sign-in for an unknown address
    /// sends nothing, but looks the same). False when the mail could not be sent: the session's
    /// earlier code, its tries and its expiry are then put back, so an outage neither kills a code
    /// the member may already have nor hands out fresh tries.
    /// </summary>
    public async Task<bool> IssueAsync(MemberSession session, MemberText text, bool deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(text);
        var record = session.Record;
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (!deliver || record.Email is not { } to)
        {
            // While known members are being told the mail failed, so is everyone else: otherwise
            // "could not send" versus "code sent" would tell who has an account.
            if (now < Volatile.Read(ref _failedUntil))
            {
                return false;
            }

            codes.Issue(session);
            return true;
        }

        var (hash, expiresAt, attempts) = (record.CodeHash, record.CodeExpiresAt, record.CodeAttempts);
        var code = codes.Issue(session);
        var sent = await mail.SendAsync(new OutgoingMail(
            to,
            text.Format("mail.subject", code),
            text.Format("mail.body", code, options.Value.CodeMinutes),
            text.Language), cancellationToken);
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
