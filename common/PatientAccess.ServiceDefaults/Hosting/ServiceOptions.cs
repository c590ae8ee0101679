using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>Where a service listens and keeps its files. Section <c>Service</c>.</summary>
public sealed class ServiceOptions : IValidatableObject
{
    public const string Section = "Service";

    /// <summary>TCP port. Each service sets its default in appsettings.json.</summary>
    [Range(1, 65535, ErrorMessage = "must be a whole number from 1 to 65535")]
    public int Port { get; set; }

    /// <summary>
    /// TCP port of the management listener: <c>/metrics</c> and <c>/health/*</c> are served there
    /// and nowhere else (the public listener on <see cref="Port"/> does not route them at all,
    /// whatever the case or encoding of the path), and it serves nothing else. Each service sets
    /// its default in appsettings.json (its port + 1000). Expose it only to Prometheus and health checks.
    /// </summary>
    [Range(1, 65535, ErrorMessage = "must be a whole number from 1 to 65535")]
    public int ManagementPort { get; set; }

    /// <summary>
    /// Address the management listener binds: an IP address, <c>localhost</c> or <c>*</c>; empty
    /// (the default) means the same as <see cref="BindAddress"/>.
    /// </summary>
    public string ManagementBindAddress { get; set; } = string.Empty;

    /// <summary>
    /// Address to bind: an IP address, <c>localhost</c>, or <c>*</c> for all interfaces.
    /// Loopback by default, so that nothing is exposed until an operator decides to.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Folder for the embedded mode's files (SQLite databases, spools, outbox).</summary>
    [Required(ErrorMessage = "is required")]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>
    /// Whether an incoming <c>X-Request-Id</c> is kept. Internal services trust the
    /// caller's id so logs correlate; the public gateway sets this to false.
    /// </summary>
    public bool TrustIncomingRequestId { get; set; } = true;

    /// <summary>
    /// Networks allowed to use the management listener (<see cref="ManagementPort"/>): a second
    /// fence behind the separate port. Loopback and the private ranges by default, where
    /// Prometheus and load balancers live.
    /// </summary>
    public IList<string> ManagementNetworks { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(BindAddress) && !IsValidBindAddress(BindAddress))
        {
            yield return new ValidationResult(
                $"'{BindAddress}' is not an IP address, 'localhost' or '*'", [nameof(BindAddress)]);
        }

        if (!string.IsNullOrWhiteSpace(ManagementBindAddress) && !IsValidBindAddress(ManagementBindAddress))
        {
            yield return new ValidationResult(
                $"'{ManagementBindAddress}' is not an IP address, 'localhost' or '*'", [nameof(ManagementBindAddress)]);
        }

        if (ManagementPort == Port && Port != 0)
        {
            yield return new ValidationResult(
                $"must differ from Service:Port ({Port}): management endpoints are never served on the public port", [nameof(ManagementPort)]);
        }

        foreach (var network in ManagementNetworks)
        {
            if (!IPNetwork.TryParse(network, out _))
            {
                yield return new ValidationResult(
                    $"'{network}' is not a network in CIDR notation (for example 10.0.0.0/8)", [nameof(ManagementNetworks)]);
            }
        }
    }

    /// <summary>Where the management listener binds: <see cref="ManagementBindAddress"/>, else <see cref="BindAddress"/>.</summary>
    internal string EffectiveManagementBindAddress =>
        string.IsNullOrWhiteSpace(ManagementBindAddress) ? BindAddress : ManagementBindAddress;

    private static bool IsValidBindAddress(string value) =>
        value is "*" or "localhost" || IPAddress.TryParse(value, out _);
}
