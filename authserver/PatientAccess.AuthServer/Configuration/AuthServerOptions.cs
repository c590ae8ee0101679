using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Configuration;

/// <summary>Who the server is and where the things it points to live. Section <c>AuthServer</c>.</summary>
internal sealed class AuthServerOptions : IValidatableObject
{
    public const string Section = "AuthServer";

    /// <summary>
    /// The issuer identifier (RFC 8414 §2): the server's own base URL, without query or
    /// fragment. Every endpoint in discovery is built from it, so it must be the URL apps use.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string Issuer { get; set; } = "http://localhost:5001";

    /// <summary>The FHIR base URL apps name in <c>aud</c>; also the <c>aud</c> of every access token.</summary>
    [Required(ErrorMessage = "is required")]
    public string FhirBaseUrl { get; set; } = "http://localhost:5000/r4";

    /// <summary>Where the member-facing pages take over an authorize request; the request id is appended.</summary>
    [Required(ErrorMessage = "is required")]
    public string MemberAuthorizePath { get; set; } = "/member/authorize/";

    /// <summary>The member's "connected apps" page, published as SMART <c>management_endpoint</c>.</summary>
    [Required(ErrorMessage = "is required")]
    public string ManagementPath { get; set; } = "/member/apps";

    public string IssuerBase => Issuer.TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IsPlainAbsoluteUrl(Issuer))
        {
            yield return new ValidationResult($"'{Issuer}' is not an absolute http(s) URL without query or fragment", [nameof(Issuer)]);
        }

        if (!IsPlainAbsoluteUrl(FhirBaseUrl))
        {
            yield return new ValidationResult($"'{FhirBaseUrl}' is not an absolute http(s) URL without query or fragment", [nameof(FhirBaseUrl)]);
        }

        if (!MemberAuthorizePath.StartsWith('/'))
        {
            yield return new ValidationResult("must start with '/'", [nameof(MemberAuthorizePath)]);
        }

        if (!ManagementPath.StartsWith('/'))
        {
            yield return new ValidationResult("must start with '/'", [nameof(ManagementPath)]);
        }
    }

    private static bool IsPlainAbsoluteUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
