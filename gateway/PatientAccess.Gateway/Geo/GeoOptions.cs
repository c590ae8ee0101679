using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Geo;

/// <summary>The US-only rule. Section <c>Geo</c>.</summary>
public sealed class GeoOptions : IValidatableObject
{
    public const string Section = "Geo";

    /// <summary>
    /// The MMDB country database; relative paths are taken from the gateway's folder, where the
    /// build copies the default (fetched by gateway/PatientAccess.Geo/Data/fetch-default-db.sh).
    /// Reloaded without a restart when the file changes.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string DatabasePath { get; set; } = "geo-whois-asn-country.mmdb";

    /// <summary>
    /// ISO 3166-1 codes that count as the US, comma-separated (text, because the configuration
    /// binder appends to a default list instead of replacing it). The 50 states and DC are
    /// <c>US</c>; the inhabited territories have codes of their own.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string AllowedCountries { get; set; } = "US,PR,GU,VI,AS,MP";

    /// <summary>Loopback, private, link-local and unique-local addresses: the plan's own networks and local use.</summary>
    public bool AllowPrivateAddresses { get; set; } = true;

    /// <summary>Addresses the database has no country for. Denied by default: unknown is not the US.</summary>
    public bool AllowUnknownCountry { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var codes = Countries();
        if (codes.Count == 0 || codes.Any(c => c.Length != 2 || !c.All(char.IsAsciiLetterUpper)))
        {
            yield return new ValidationResult($"'{AllowedCountries}' is not a comma-separated list of two-letter country codes (US,PR,...)", [nameof(AllowedCountries)]);
        }
    }

    internal IReadOnlySet<string> Countries() =>
        (AllowedCountries ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
}
