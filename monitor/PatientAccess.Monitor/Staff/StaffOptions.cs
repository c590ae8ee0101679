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

    /// <summary>
    /// SHA-256 hashes (64 hex digits) of the read-only evidence keys (<c>.data/secrets/evidence.key</c>
    /// under run.sh; the authserver holds the key to show a sandbox app's reads in the developer
    /// portal). An evidence key opens only <c>GET /api/apps/{clientId}/reads</c>; anywhere else it
    /// is 403. Kept apart from the staff key so the authserver, which holds it in a file, cannot
    /// read the audit trail, take decisions or sign in to the review pages. Default: none.
    /// </summary>
    public IList<string> EvidenceKeyHashes { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (KeyHashes.Any(h => h.Length != 64 || !h.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(KeyHashes)]);
        }

        if (EvidenceKeyHashes.Any(h => h.Length != 64 || !h.All(char.IsAsciiHexDigit)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(EvidenceKeyHashes)]);
        }

        if (EvidenceKeyHashes.Intersect(KeyHashes, StringComparer.OrdinalIgnoreCase).Any())
        {
            yield return new ValidationResult("an evidence key must not also be a staff key", [nameof(EvidenceKeyHashes)]);
        }
    }
}
