using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Staff;

/// <summary>
/// The staff credential. Section <c>Staff</c> (the authserver's name for the same key).
/// </summary>
public sealed class StaffOptions : IValidatableObject
{
    public const string Section = "Staff";

    /// <summary>
    /// SHA-256 hashes (64 hex digits) of the staff keys (<c>.data/secrets/staff.key</c> under run.sh);
    /// the monitor never sees a key itself. Every endpoint on the public port takes
    /// <c>Authorization: Bearer &lt;staff key&gt;</c>; with no hash configured nothing is accepted.
    /// </summary>
    public IList<string> KeyHashes { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyHashes.Any(h => h.Length != 64 || !h.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(KeyHashes)]);
        }
    }
}
