using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Proxy;

/// <summary>Where the gateway sends FHIR traffic. Section <c>Proxy</c>.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>The fhir-store's base address (its FHIR base is this plus <c>/r4</c>).</summary>
    [Required(ErrorMessage = "is required")]
    public string FhirStoreUrl { get; set; } = string.Empty;

    /// <summary>How long connecting to the store may take before the app gets 503.</summary>
    [Range(100, 60_000, ErrorMessage = "must be from 100 to 60000 milliseconds")]
    public int ConnectTimeoutMilliseconds { get; set; } = 2000;

    /// <summary>How long the store may stay silent on one request before the app gets 504.</summary>
    [Range(1, 600, ErrorMessage = "must be from 1 to 600 seconds")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>How often the store's <c>/r4/metadata</c> is probed; a failing store is taken out until it answers again.</summary>
    [Range(1, 3600, ErrorMessage = "must be from 1 to 3600 seconds")]
    public int HealthCheckIntervalSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(FhirStoreUrl)
            && (!Uri.TryCreate(FhirStoreUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"'{FhirStoreUrl}' is not an absolute http(s) URL", [nameof(FhirStoreUrl)]);
        }
    }
}
