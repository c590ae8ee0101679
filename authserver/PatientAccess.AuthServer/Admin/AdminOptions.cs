using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// The admin API's credentials: SHA-256 hashes (hex) of API keys given to security staff,
/// the monitor and the gateways (for the revocation feed). Section <c>Admin</c>. Empty: the
/// admin API refuses everyone.
/// </summary>
internal sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    public IList<string> ApiKeyHashes { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKeyHashes.Any(h => h.Length != 64 || !h.All(Uri.IsHexDigit)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(ApiKeyHashes)]);
        }
    }
}
