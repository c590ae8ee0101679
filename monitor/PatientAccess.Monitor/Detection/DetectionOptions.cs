using System.ComponentModel.DataAnnotations;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// The detectors. Section <c>Detection</c>; each detector its own subsection
/// (<c>Detection:WriteAttempts:WindowSeconds</c>...). Counts live in Redis, so every monitor
/// process sharing the consumer group adds to the same windows.
/// </summary>
public sealed class DetectionOptions : IValidatableObject
{
    public const string Section = "Detection";

    /// <summary>
    /// Writes, method overrides and other refused verbs (gateway refusals with reason <c>method</c>).
    /// Default 5 in 5 minutes, suspend, critical: the API is read-only and says so in its
    /// CapabilityStatement, so a well-built app never writes; a few tries allow for an SDK probing
    /// once per resource type, more is an app trying to change records.
    /// </summary>
    public DetectorOptions WriteAttempts { get; set; } = new() { WindowSeconds = 300, Threshold = 5, Action = ActionNames.Suspend, Severity = Severities.Critical };

    /// <summary>
    /// Rate-limit refusals (429) of the app. Default 100 in a minute, throttle (escalating, then
    /// suspend: <c>Throttle</c> section), warning: an app that keeps hammering after 429s ignores
    /// Retry-After; a short overrun from a retry storm stays below.
    /// </summary>
    public DetectorOptions TooManyRequests { get; set; } = new() { WindowSeconds = 60, Threshold = 100, Action = ActionNames.Throttle, Severity = Severities.Warning };

    /// <summary>
    /// Requests with the app's valid tokens refused because they came from outside the allowed
    /// countries. Default 5 in 10 minutes (as the alert rule AppNonUSAttempts), suspend, critical:
    /// either the app's backend runs abroad against the plan's terms or its tokens were stolen.
    /// </summary>
    public DetectorOptions NonUs { get; set; } = new() { WindowSeconds = 600, Threshold = 5, Action = ActionNames.Suspend, Severity = Severities.Critical };

    /// <summary>Error share and scanning (see <see cref="ErraticOptions"/>). Default: half of at least 50 answers errors, or 100 distinct not-found, in 5 minutes; suspend.</summary>
    public ErraticOptions Erratic { get; set; } = new();

    /// <summary>Member authorizations against the app's own history (see <see cref="BaselineOptions"/>). Default one-hour windows, a week of history, suspend (new apps: alert only).</summary>
    public BaselineOptions UnusualAuthorizations { get; set; } = new();

    /// <summary>
    /// Authorization-code reuse and rotated-refresh-token reuse (<c>code.reused</c>,
    /// <c>refresh_token.reused</c>). Default 3 in an hour, suspend, critical: one reuse can be a
    /// client retrying after a lost answer (the authserver already kills that token family), repeated
    /// reuse is a stolen-credential pattern.
    /// </summary>
    public DetectorOptions TokenAbuse { get; set; } = new() { WindowSeconds = 3600, Threshold = 3, Action = ActionNames.Suspend, Severity = Severities.Critical };

    /// <summary>Buckets per window (default 30): the window slides in steps of a thirtieth of it, and a sum reads this many Redis keys.</summary>
    [Range(2, 120, ErrorMessage = "must be from 2 to 120")]
    public int BucketsPerWindow { get; set; } = 30;

    /// <summary>
    /// An event stamped more than this many seconds in the future (a producer's clock running ahead)
    /// is counted at the time the monitor receives it, so it cannot count in windows that have not
    /// started (default 60). Events older than a detector's window are not counted at all (README).
    /// </summary>
    [Range(0, 3600, ErrorMessage = "must be from 0 to 3600 seconds")]
    public int MaxFutureSkewSeconds { get; set; } = 60;

    /// <summary>AuditEvent ids kept per bucket and shown per flag as evidence (default 5).</summary>
    [Range(1, 50, ErrorMessage = "must be from 1 to 50")]
    public int SampleEventIds { get; set; } = 5;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var all = new (string Name, DetectorOptions Options)[]
        {
            (nameof(WriteAttempts), WriteAttempts), (nameof(TooManyRequests), TooManyRequests), (nameof(NonUs), NonUs),
            (nameof(Erratic), Erratic), (nameof(UnusualAuthorizations), UnusualAuthorizations), (nameof(TokenAbuse), TokenAbuse),
        };
        foreach (var (name, options) in all)
        {
            foreach (var result in options.ValidateCommon(name))
            {
                yield return result;
            }
        }

        if (Erratic.Threshold > 1)
        {
            yield return new ValidationResult("is a share of error answers: from 0 to 1", ["Erratic:Threshold"]);
        }
    }
}
