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
    /// The admin API key the authserver knows by its SHA-256 (<c>Admin:ApiKeyHashes</c>). Required:
    /// without the feed a replica that starts or loses Redis could miss a revocation.
    /// </summary>
    [Required(ErrorMessage = "is required: the authserver admin API key for the revocation feed")]
    public string AdminApiKey { get; set; } = string.Empty;

    [Range(1, 3600, ErrorMessage = "must be from 1 to 3600 seconds")]
    public int CatchUpSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(AuthServerUrl) && (!Uri.TryCreate(AuthServerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"'{AuthServerUrl}' is not an absolute http(s) URL", [nameof(AuthServerUrl)]);
        }
    }
}
