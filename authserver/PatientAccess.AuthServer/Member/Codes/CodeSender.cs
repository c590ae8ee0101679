using System.Net.Mail;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Member.Localization;
using PatientAccess.AuthServer.Member.Mail;
using PatientAccess.AuthServer.Member.Sessions;

namespace PatientAccess.AuthServer.Member.Codes;

/// <summary>Puts a new code on the session and e-mails it in the member's language. The code itself is never logged.</summary>
internal sealed class CodeSender(EmailCodes codes, IMailSender mail, IOptions<MemberAppOptions> options)
{
    public const int MaxEmailLength = 254;

    public static bool IsEmail(string value) =>
        value.Length is > 3 and <= MaxEmailLength
        && !value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))
        && MailAddress.TryCreate(value, out var address)
        && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    /// <summary>Issues a code; sends it only when <paramref name="deliver"/> (sign-in for an unknown address sends nothing, but looks the same).</summary>
    public async Task IssueAsync(MemberSession session, MemberText text, bool deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(text);
        var code = codes.Issue(session);
        if (deliver && session.Record.Email is { } to)
        {
            await mail.SendAsync(new OutgoingMail(
                to,
                text.Format("mail.subject", code),
                text.Format("mail.body", code, options.Value.CodeMinutes),
                text.Language), cancellationToken);
        }
    }
}
