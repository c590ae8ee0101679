using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Retention;

/// <summary>How long AuditEvents are kept. Section <c>Retention</c>.</summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";

    /// <summary>
    /// AuditEvents recorded longer ago than this are deleted by a background purge. Default 6 years
    /// and a day (2193 days: HIPAA's six-year record-keeping span, with leap days, plus a day's
    /// margin for time zones); may be set down (minutes) for demos. Measured from the event's own time.
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(2193);

    /// <summary>How often the purge runs.</summary>
    [Range(1, 86_400, ErrorMessage = "must be from 1 to 86400 seconds")]
    public int PurgeIntervalSeconds { get; set; } = 3600;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxAge < TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("must be at least a minute (00:01:00)", [nameof(MaxAge)]);
        }
    }
}
