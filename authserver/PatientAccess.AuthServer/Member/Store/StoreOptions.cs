using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Member.Store;

/// <summary>
/// Where member identity is checked: the fhir-store on the internal network, read with an
/// operator key. Section <c>Store</c>. The key comes from <see cref="OperatorKey"/> or, when that
/// is empty, from <see cref="OperatorKeyFile"/> (relative paths under the data folder), which is
/// where <c>./run.sh</c> keeps it. Without either the member pages answer "not available".
/// </summary>
internal sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Store";

    [Required(ErrorMessage = "is required")]
    public string Url { get; set; } = "http://127.0.0.1:5100";

    /// <summary>The raw operator key, sent as <c>Authorization: Bearer</c>. Never logged.</summary>
    public string? OperatorKey { get; set; }

    public string OperatorKeyFile { get; set; } = "secrets/operator.key";

    [Range(1, 60, ErrorMessage = "must be from 1 to 60")]
    public int TimeoutSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult($"'{Url}' is not an absolute http(s) URL", [nameof(Url)]);
        }

        if (OperatorKey is { } key && key.Length > 0 && string.IsNullOrWhiteSpace(key))
        {
            yield return new ValidationResult("must not be blank", [nameof(OperatorKey)]);
        }
    }
}
