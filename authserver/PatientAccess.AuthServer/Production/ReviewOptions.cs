using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Production;

/// <summary>
/// Review dates of approved apps: an annual review (approval + 1 year) and an attestation renewal
/// (attestation + 2 years). Section <c>Reviews</c>.
/// </summary>
internal sealed class ReviewOptions
{
    public const string Section = "Reviews";

    /// <summary>How far ahead the staff list of due reviews looks (days); overdue ones are always listed. Default 30.</summary>
    [Range(0, 366)]
    public int DueWindowDays { get; set; } = 30;

    /// <summary>
    /// Suspend an app automatically once its attestation renewal date has passed, through the same
    /// path as <c>POST /admin/clients/{id}/suspend</c> (every token revoked everywhere), recorded
    /// with actor <c>automatic</c>. Default false: staff see the app as overdue and decide.
    /// </summary>
    public bool SuspendOverdueAttestations { get; set; }

    /// <summary>How often the automatic check runs (seconds) when it is on. Default 3600.</summary>
    [Range(1, 86400)]
    public int CheckSeconds { get; set; } = 3600;
}
