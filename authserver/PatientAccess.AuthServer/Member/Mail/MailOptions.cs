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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(SmtpHost) && string.IsNullOrWhiteSpace(OutboxDirectory))
        {
            yield return new ValidationResult("is required when Mail:SmtpHost is not set", [nameof(OutboxDirectory)]);
        }
    }
}
