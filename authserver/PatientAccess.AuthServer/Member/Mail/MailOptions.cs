using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Member.Mail;

/// <summary>
/// How e-mail leaves. Section <c>Mail</c>. With no <see cref="SmtpHost"/> every message is
/// written as an .eml file to <see cref="OutboxDirectory"/> (relative paths under the data folder).
/// </summary>
internal sealed class MailOptions : IValidatableObject
{
    public const string Section = "Mail";

    [Required(ErrorMessage = "is required")]
    [EmailAddress(ErrorMessage = "must be an e-mail address")]
    public string From { get; set; } = "no-reply@healthplan.example";

    public string OutboxDirectory { get; set; } = "outbox";

    public string? SmtpHost { get; set; }

    [Range(1, 65535, ErrorMessage = "must be a whole number from 1 to 65535")]
    public int SmtpPort { get; set; } = 587;

    public bool SmtpUseTls { get; set; } = true;

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// How long one send may take, from connecting to the relay's last reply. The member waits on
    /// the page meanwhile, so a relay that accepts the connection and then says nothing must
    /// not hold it for the socket's own minutes-long timeout.
    /// </summary>
    [Range(1, 120, ErrorMessage = "must be from 1 to 120")]
    public int SmtpTimeoutSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(SmtpHost))
        {
            if (string.IsNullOrWhiteSpace(OutboxDirectory))
            {
                yield return new ValidationResult("is required when Mail:SmtpHost is not set", [nameof(OutboxDirectory)]);
            }

            yield break;
        }

        // "smtp.example.com:587" or "smtp://relay" would otherwise fail only at the first sign-in.
        if (Uri.CheckHostName(SmtpHost) == UriHostNameType.Unknown)
        {
            yield return new ValidationResult($"'{SmtpHost}' is not a host name or IP address (the port goes in Mail:SmtpPort)", [nameof(SmtpHost)]);
        }

        // Half a credential would be sent as a blank password, or silently not sent at all.
        if (!string.IsNullOrEmpty(SmtpUserName) && string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("is required when Mail:SmtpUserName is set", [nameof(SmtpPassword)]);
        }

        if (string.IsNullOrEmpty(SmtpUserName) && !string.IsNullOrEmpty(SmtpPassword))
        {
            yield return new ValidationResult("is required when Mail:SmtpPassword is set", [nameof(SmtpUserName)]);
        }

        // A relay password in clear text over the network is a safe default nobody would choose;
        // a relay on this machine (a local MTA) is the one place it is harmless.
        if (!SmtpUseTls && !string.IsNullOrEmpty(SmtpPassword) && !IsLoopback(SmtpHost))
        {
            yield return new ValidationResult(
                "must be true when a password is sent to a relay on another machine (it would travel unencrypted)", [nameof(SmtpUseTls)]);
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host, out var address) && System.Net.IPAddress.IsLoopback(address));
}
