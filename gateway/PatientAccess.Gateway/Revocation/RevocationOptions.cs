using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Revocation;

/// <summary>
/// Where revocations come from. Section <c>Revocation</c>. Pushes arrive on the Redis channel
/// the authserver publishes to; the authserver's feed fills what a replica missed (at start,
/// after Redis comes back, and every <see cref="CatchUpSeconds"/> as a safety net).
/// </summary>
public sealed class RevocationOptions : IValidatableObject
{
    public const string Section = "Revocation";

    public const string Channel = "patientaccess:revocations";

    /// <summary>The authserver's base URL as the gateway reaches it (the feed is <c>{AuthServerUrl}/admin/revocations</c>).</summary>
    [Required(ErrorMessage = "is required")]
    public string AuthServerUrl { get; set; } = "http://127.0.0.1:5001";

    /// <summary>
    /// The read-only key for the authserver's revocation feed, which the authserver knows by its
    /// SHA-256 (<c>Admin:RevocationFeedKeyHashes</c>). It opens the feed and each app's rate limit
    /// (<c>RateLimiting:UseClientRegistry</c>) and nothing else: a gateway faces the internet, so it
    /// never holds the admin key that suspends apps and revokes grants. Required: without the feed
    /// a replica that starts or loses Redis could miss a revocation.
    /// </summary>
    [Required(ErrorMessage = "is required: the authserver's read-only revocation feed key")]
    public string FeedKey { get; set; } = string.Empty;

    /// <summary>
    /// No longer read; refused when set, so a deployment that still hands the gateway the admin
    /// key learns it at start instead of keeping more power than it needs.
    /// </summary>
    public string? AdminApiKey { get; set; }

    [Range(1, 3600, ErrorMessage = "must be from 1 to 3600 seconds")]
    public int CatchUpSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AdminApiKey))
        {
            yield return new ValidationResult(
                "is no longer used: the gateway must not hold the admin key; give it the read-only key in Revocation:FeedKey (its hash in the authserver's Admin:RevocationFeedKeyHashes)",
                [nameof(AdminApiKey)]);
        }

        if (!string.IsNullOrEmpty(AuthServerUrl) && (!Uri.TryCreate(AuthServerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"'{AuthServerUrl}' is not an absolute http(s) URL", [nameof(AuthServerUrl)]);
        }
    }
}
