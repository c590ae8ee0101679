using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using PatientAccess.AuthServer.Protocol;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Member.Mail;

/// <summary>
/// Writes each message as an RFC 5322 .eml file (UTF-8, 8bit body) into the outbox folder, for
/// the embedded demo and for tests: any mail client opens them. Files are readable by the
/// service user only, since they hold sign-in codes. A folder that cannot be written (full disk,
/// wrong owner) is a failed send like a relay that is down, not an error page.
/// </summary>
internal sealed partial class OutboxMailSender(IOptions<MailOptions> options, IOptions<ServiceOptions> service, TimeProvider time, ILogger<OutboxMailSender> logger) : IMailSender
{
    public async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var folder = Folder(options.Value, service.Value);
        try
        {
            await WriteAsync(folder, mail, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogNotWritten(logger, folder, ex.GetType().Name);
            return false;
        }
    }

    public static string Folder(MailOptions mail, ServiceOptions service)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(service);
        return Path.IsPathRooted(mail.OutboxDirectory) ? mail.OutboxDirectory : Path.Combine(Path.GetFullPath(service.DataDirectory), mail.OutboxDirectory);
    }

    private async Task WriteAsync(string folder, OutgoingMail mail, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var now = time.GetUtcNow();
        var id = Secrets.NewId();
        var text = new StringBuilder()
            .Append("From: ").Append(options.Value.From).Append("\r\n")
            .Append("To: ").Append(mail.To).Append("\r\n")
            .Append("Subject: =?utf-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(mail.Subject))).Append("?=\r\n")
            .Append("Date: ").Append(now.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Message-ID: <").Append(id).Append('@').Append(options.Value.From.Split('@')[^1]).Append(">\r\n")
            .Append("Content-Language: ").Append(mail.Language).Append("\r\n")
            .Append("MIME-Version: 1.0\r\n")
            .Append("Content-Type: text/plain; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: 8bit\r\n\r\n")
            .Append(mail.Body.ReplaceLineEndings("\r\n")).Append("\r\n")
            .ToString();
        var path = Path.Combine(folder, now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + id + ".eml");
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Renamed into place so a reader never sees half a message.
        File.Move(temporary, path);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member e-mail not written to the outbox {Folder}: {Error}")]
    private static partial void LogNotWritten(ILogger logger, string folder, string error);
}
