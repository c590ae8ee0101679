using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Proxy;

/// <summary>Where the gateway sends FHIR traffic. Section <c>Proxy</c>.</summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Proxy";

    /// <summary>The fhir-store's base address (its FHIR base is this plus <c>/r4</c>).</summary>
    [Required(ErrorMessage = "is required")]
    public string FhirStoreUrl { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(FhirStoreUrl)
            && (!Uri.TryCreate(FhirStoreUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult($"'{FhirStoreUrl}' is not an absolute http(s) URL", [nameof(FhirStoreUrl)]);
        }
    }
}
