using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// The admin API's credentials, as SHA-256 hashes (hex) only: the keys themselves never reach
/// the authserver's configuration. Section <c>Admin</c>. Both empty: the admin API refuses everyone.
/// </summary>
internal sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>Admin keys: security staff and the monitor. Open every admin endpoint (suspend, revoke, reinstate, read).</summary>
    public IList<string> ApiKeyHashes { get; } = [];

    /// <summary>
    /// The gateways' read-only keys: they open <c>GET /admin/revocations</c> (the revocation feed)
    /// and <c>GET /admin/clients/{id}/rate-limit</c> (an app's rate limit), and get 403 on every
    /// other admin endpoint. A gateway is exposed to the internet; a key taken from one must not
    /// suspend apps or revoke members' grants.
    /// </summary>
    public IList<string> RevocationFeedKeyHashes { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ApiKeyHashes.Any(h => !IsHash(h)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(ApiKeyHashes)]);
        }

        if (RevocationFeedKeyHashes.Any(h => !IsHash(h)))
        {
            yield return new ValidationResult("every entry must be a SHA-256 hash in hex (64 digits)", [nameof(RevocationFeedKeyHashes)]);
        }

        if (RevocationFeedKeyHashes.Any(f => ApiKeyHashes.Any(a => string.Equals(a, f, StringComparison.OrdinalIgnoreCase))))
        {
            yield return new ValidationResult("a key cannot be both an admin key and a revocation feed key; give the gateways a key of their own", [nameof(RevocationFeedKeyHashes)]);
        }
    }

    private static bool IsHash(string value) => value.Length == 64 && value.All(Uri.IsHexDigit);
}
