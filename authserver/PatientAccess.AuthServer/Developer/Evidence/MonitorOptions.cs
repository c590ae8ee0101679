using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Developer.Evidence;

/// <summary>
/// Section <c>Monitor</c>: where the developer portal reads an app's FHIR reads by resource type
/// (<c>GET {Url}/api/apps/{client_id}/reads</c>, issue 15 contract 3). Default: no URL, and the
/// portal says the counts are not available instead of failing.
/// </summary>
internal sealed class MonitorOptions : IValidatableObject
{
    public const string Section = "Monitor";

    /// <summary>The monitor's base URL, for example <c>http://127.0.0.1:5003</c>; empty: not configured.</summary>
    public string? Url { get; set; }

    /// <summary>
    /// The file holding the monitor's read-only evidence key (relative paths under the data folder;
    /// <c>./run.sh</c> writes <c>secrets/evidence.key</c>). That key opens only the reads endpoint at
    /// the monitor, so a leak from the authserver exposes counts, not the audit trail.
    /// </summary>
    public string EvidenceKeyFile { get; set; } = "secrets/evidence.key";

    /// <summary>How long the page waits for the monitor: short, since a developer is waiting on the page.</summary>
    [Range(1, 30, ErrorMessage = "must be from 1 to 30")]
    public int TimeoutSeconds { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Url)
            && (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new ValidationResult($"'{Url}' is not an absolute http(s) URL", [nameof(Url)]);
        }
    }
}
