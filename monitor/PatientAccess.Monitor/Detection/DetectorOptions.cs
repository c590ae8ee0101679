using System.ComponentModel.DataAnnotations;
using PatientAccess.Monitor.Reviews;

namespace PatientAccess.Monitor.Detection;

/// <summary>
/// What every detector has in configuration (<c>Detection:&lt;Detector&gt;:...</c>): whether it runs,
/// its sliding window, the count at which it acts, what it does then and how urgent the flag is.
/// Each detector's defaults, and why, are on its own options class.
/// </summary>
public class DetectorOptions
{
    /// <summary>Off: the detector counts nothing and never flags.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The sliding window counts are summed over, in seconds (to within a thirtieth of it: the counts are kept in buckets).</summary>
    [Range(10, 86_400, ErrorMessage = "must be from 10 to 86400 seconds")]
    public int WindowSeconds { get; set; } = 300;

    /// <summary>The count in the window at which the detector flags the app (a share from 0 to 1 for the erratic share).</summary>
    [Range(0.0001, 1_000_000, ErrorMessage = "must be above 0")]
    public double Threshold { get; set; } = 1;

    /// <summary><c>alert</c> (review only), <c>throttle</c>, <c>suspend</c> or <c>revoke</c>.</summary>
    public string Action { get; set; } = ActionNames.Alert;

    /// <summary><c>info</c>, <c>warning</c> or <c>critical</c>: shown with the flag, for staff to sort by.</summary>
    public string Severity { get; set; } = Severities.Warning;

    internal IEnumerable<ValidationResult> ValidateCommon(string prefix)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        foreach (var result in results)
        {
            yield return new ValidationResult(result.ErrorMessage, [.. result.MemberNames.Select(m => $"{prefix}:{m}")]);
        }

        if (Action is not (ActionNames.Alert or ActionNames.Throttle or ActionNames.Suspend or ActionNames.Revoke))
        {
            yield return new ValidationResult("must be alert, throttle, suspend or revoke", [$"{prefix}:{nameof(Action)}"]);
        }

        if (!Severities.IsKnown(Severity))
        {
            yield return new ValidationResult("must be info, warning or critical", [$"{prefix}:{nameof(Severity)}"]);
        }
    }
}
