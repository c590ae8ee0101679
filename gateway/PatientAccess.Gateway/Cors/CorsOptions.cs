using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Cors;

/// <summary>Which web origins may read the FHIR API's answers from a browser. Section <c>Cors</c>.</summary>
/// <remarks>
/// Why <c>*</c> is the safe default: CORS guards what a browser sends with ambient credentials
/// (cookies, client certificates, an intranet position). The gateway honours none of those: every
/// request is authorised by a bearer token that the page itself must hold and send, and the answer
/// is never marked <c>Access-Control-Allow-Credentials</c> (which <c>*</c> forbids anyway). A hostile
/// page can therefore do nothing with <c>*</c> that a script outside a browser cannot already do,
/// while a list would break every registered browser app served from an origin nobody wrote down
/// (SMART apps register redirect URIs, not the origins they are served from). A plan that wants
/// a list anyway sets one; origins not on it get no CORS headers and their preflights a 403.
/// </remarks>
public sealed class CorsOptions : IValidatableObject
{
    public const string Section = "Cors";

    /// <summary><c>*</c> (any origin, the default) or a comma-separated list of origins such as <c>https://app.example</c>.</summary>
    [Required(ErrorMessage = "is required")]
    public string AllowedOrigins { get; set; } = "*";

    /// <summary>How long a browser may reuse a preflight's answer (Chromium caps it at 7200, Firefox at 86400).</summary>
    [Range(0, 86_400, ErrorMessage = "must be from 0 to 86400 seconds")]
    public int MaxAgeSeconds { get; set; } = 7200;

    internal bool AnyOrigin => AllowedOrigins.Trim() == "*";

    internal IEnumerable<string> Origins => AllowedOrigins.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AnyOrigin)
        {
            yield break;
        }

        foreach (var origin in Origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                || uri.GetLeftPart(UriPartial.Authority) != origin.TrimEnd('/') || origin.EndsWith('/'))
            {
                yield return new ValidationResult($"'{origin}' is not an origin (scheme://host[:port], no path, or '*' alone)", [nameof(AllowedOrigins)]);
            }
        }
    }
}
