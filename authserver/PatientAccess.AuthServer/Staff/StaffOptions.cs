using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Staff;

/// <summary>
/// The plan staff's credential (reviewers, security staff), as SHA-256 hashes (hex) only: the keys
/// themselves never reach the authserver's configuration. Section <c>Staff</c>. Empty: every staff
/// page and <c>/api/staff</c> endpoint refuses everyone. A staff key is a person's credential for
/// the review pages and API; the admin key (<c>Admin:ApiKeyHashes</c>) is the monitor's machine
/// credential for suspend and revoke. Neither opens the other's endpoints.
/// </summary>
internal sealed class StaffOptions : IValidatableObject
{
    public const string Section = "Staff";

    /// <summary>SHA-256 (hex) of each staff key; <c>./run.sh</c> puts the hash of <c>.data/secrets/staff.key</c> here.</summary>
    public IList<string> KeyHashes { get; } = [];

    /// <summary>
    /// How long a staff session (the cookie set by signing in with the key on <c>/staff/signin</c>)
    /// lasts, counted from sign-in and never extended: a forgotten browser stops being a reviewer
    /// within this time. Default 60.
    /// </summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyHashes.Any(h => h.Length != 64 || !h.All(Uri.IsHexDigit)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(KeyHashes)]);
        }
    }
}
