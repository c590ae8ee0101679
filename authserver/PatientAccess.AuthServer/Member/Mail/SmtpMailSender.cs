using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Options;

namespace PatientAccess.AuthServer.Member.Mail;

/// <summary>
/// Sends through the configured SMTP relay (System.Net.Mail, STARTTLS unless turned off). A relay
/// that is down, too slow or refuses the message is logged as one warning naming the relay and
/// the kind of failure only: never the message (it holds a sign-in code), the password, or the
/// relay's reply text (it can quote the member's address).
/// </summary>
internal sealed partial class SmtpMailSender(IOptions<MailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = options.Value;
        // text/plain breaks lines with CRLF (RFC 2046); the string tables use \n.
        using var message = new MailMessage(settings.From, mail.To, mail.Subject, mail.Body.ReplaceLineEndings("\r\n"))
        {
            BodyEncoding = Encoding.UTF8,
            SubjectEncoding = Encoding.UTF8,
        };
        message.Headers.Add("Content-Language", mail.Language);
        var timeout = TimeSpan.FromSeconds(settings.SmtpTimeoutSeconds);
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort)
        {
            EnableSsl = settings.SmtpUseTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,

            // Timeout covers only the synchronous Send; the async send is bounded by the token below.
            Timeout = (int)timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(settings.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUserName, settings.SmtpPassword);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.SendMailAsync(message, deadline.Token);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (deadline.IsCancellationRequested || IsDeliveryFailure(ex)))
        {
            var reason = deadline.IsCancellationRequested
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {settings.SmtpTimeoutSeconds} s")
                : Describe(ex);
            LogNotSent(logger, settings.SmtpHost!, settings.SmtpPort, reason);
            return false;
        }
    }

    private static bool IsDeliveryFailure(Exception ex) =>
        ex is SmtpException or IOException or SocketException or AuthenticationException;

    /// <summary>What went wrong, from status codes and error kinds only.</summary>
    private static string Describe(Exception ex)
    {
        for (var inner = ex; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return "connection failed: " + socket.SocketErrorCode;
            }

            if (inner is AuthenticationException)
            {
                return "TLS handshake failed";
            }
        }

        // The numeric reply only: SmtpStatusCode's names mislead (530 after a refused AUTH reads "MustIssueStartTlsFirst").
        return ex switch
        {
            SmtpFailedRecipientException recipient => string.Create(CultureInfo.InvariantCulture, $"recipient refused: {(int)recipient.StatusCode}"),
            SmtpException { StatusCode: SmtpStatusCode.GeneralFailure } => "connection lost: " + (ex.InnerException?.GetType().Name ?? nameof(SmtpException)),
            SmtpException smtp => string.Create(CultureInfo.InvariantCulture, $"relay answered {(int)smtp.StatusCode}"),
            _ => ex.GetType().Name,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member e-mail not sent through SMTP relay {SmtpHost}:{SmtpPort}: {Reason}")]
    private static partial void LogNotSent(ILogger logger, string smtpHost, int smtpPort, string reason);
}
