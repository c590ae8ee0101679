using System.Net;

namespace PatientAccess.Geo.Country;

/// <summary>Country of an IP address, as the US-only rule needs it.</summary>
public interface ICountryLookup
{
    /// <summary>The ISO 3166-1 alpha-2 code in upper case, or null when the address has no record or no country.</summary>
    string? GetCountryCode(IPAddress address);
}
