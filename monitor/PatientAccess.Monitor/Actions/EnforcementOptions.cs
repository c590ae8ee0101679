using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Actions;

/// <summary>
/// How the monitor has apps suspended, revoked and reinstated: through the authserver's enforcement
/// endpoint (<c>POST /admin/clients/{id}/enforcement</c>, admin key), which owns clients, grants,
/// member addresses and the gallery. Section <c>Enforcement</c>.
/// </summary>
public sealed class EnforcementOptions : IValidatableObject
{
    public const string Section = "Enforcement";

    /// <summary>The authserver's base address (default <c>http://127.0.0.1:5001</c>, the embedded mode's).</summary>
    [Required(ErrorMessage = "is required")]
    public string AuthServerUrl { get; set; } = "http://127.0.0.1:5001";

    /// <summary>
    /// The file holding the admin key (default <c>secrets/admin.key</c>: relative paths are under
    /// <c>Service:DataDirectory</c>, so run.sh's <c>.data/secrets/admin.key</c>). Read at each call
    /// (a key rotated in the file is used at once), never logged; the key is not a setting itself so
    /// it never sits in configuration dumps. Missing: flags that need it stay <c>failed</c> and are retried.
    /// </summary>
    public string AdminKeyFile { get; set; } = "secrets/admin.key";

    /// <summary>How long one call may take (default 3000 ms): the consumer waits for it inside the batch, so a hung authserver must not hold consumption long.</summary>
    [Range(100, 60_000, ErrorMessage = "must be from 100 to 60000 milliseconds")]
    public int TimeoutMilliseconds { get; set; } = 3000;

    /// <summary>The first wait before a failed action is retried with the same action_id (default 2 s), doubling up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(1, 3600, ErrorMessage = "must be from 1 to 3600 seconds")]
    public int RetrySeconds { get; set; } = 2;

    /// <summary>The longest wait between retries (default 60 s): a failed suspension is retried for as long as it takes.</summary>
    [Range(1, 86_400, ErrorMessage = "must be from 1 to 86400 seconds")]
    public int MaxRetrySeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(AuthServerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("must be an absolute http(s) URL", [nameof(AuthServerUrl)]);
        }
    }
}
