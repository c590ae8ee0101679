using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Tokens;

/// <summary>How access tokens are verified. Section <c>Tokens</c>.</summary>
public sealed class TokenOptions : IValidatableObject
{
    public const string Section = "Tokens";

    /// <summary>The authserver's issuer (its public base URL), exactly as in the tokens' <c>iss</c>.</summary>
    [Required(ErrorMessage = "is required")]
    public string Issuer { get; set; } = "http://localhost:5001";

    /// <summary>The FHIR base apps use, exactly as in the tokens' <c>aud</c>.</summary>
    [Required(ErrorMessage = "is required")]
    public string Audience { get; set; } = "http://localhost:5000/r4";

    /// <summary>Where the signing keys are read; empty: <c>{Issuer}/.well-known/jwks.json</c>.</summary>
    public string JwksUrl { get; set; } = string.Empty;

    /// <summary>Allowed clock difference for <c>exp</c> and <c>nbf</c>; never more than a minute.</summary>
    [Range(0, 60, ErrorMessage = "must be from 0 to 60 seconds")]
    public int ClockSkewSeconds { get; set; } = 30;

    /// <summary>
    /// A token signed with a key the gateway has not seen triggers a JWKS fetch at most this often,
    /// so a flood of made-up key ids cannot turn the gateway into a load generator for the authserver.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "must be from 1 to 3600 seconds")]
    public int JwksMinimumRefreshSeconds { get; set; } = 30;

    /// <summary>The key set is re-read in the background after this long, to pick up announced successors.</summary>
    [Range(10, 86_400, ErrorMessage = "must be from 10 to 86400 seconds")]
    public int JwksMaxAgeSeconds { get; set; } = 300;

    public string EffectiveJwksUrl => JwksUrl.Length > 0 ? JwksUrl : Issuer.TrimEnd('/') + "/.well-known/jwks.json";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[] { (nameof(Issuer), Issuer), (nameof(Audience), Audience), (nameof(JwksUrl), JwksUrl) })
        {
            if (!string.IsNullOrEmpty(value) && (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                yield return new ValidationResult($"'{value}' is not an absolute http(s) URL", [name]);
            }
        }
    }
}
