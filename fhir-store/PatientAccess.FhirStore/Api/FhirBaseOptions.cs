using System.ComponentModel.DataAnnotations;

namespace PatientAccess.FhirStore.Api;

/// <summary>Section <c>Fhir</c>: how the store names itself in the absolute URLs it writes.</summary>
public sealed class FhirBaseOptions : IValidatableObject
{
    public const string Section = "Fhir";

    /// <summary>
    /// The public FHIR base apps use: the gateway's (its <c>Tokens:Audience</c>). Every absolute URL
    /// the store writes (paging links, <c>fullUrl</c>, the CapabilityStatement's address) starts
    /// with it, never with the request's Host or X-Forwarded-Host, which a caller can choose: a
    /// link an app follows must not lead it, with its token, to a host an attacker named.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000/r4";

    /// <summary><see cref="PublicBaseUrl"/> without a trailing slash.</summary>
    public string Base => PublicBaseUrl.TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            yield return new ValidationResult($"'{PublicBaseUrl}' is not an absolute http(s) URL without query, fragment or user", [nameof(PublicBaseUrl)]);
        }
    }
}
