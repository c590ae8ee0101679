using MaxMind.Db;

namespace PatientAccess.Geo.Country;

/// <summary>
/// The part of a record the US-only rule reads, in either schema in use: MaxMind's GeoIP2 and
/// GeoLite2 (<c>country.iso_code</c>, else <c>registered_country.iso_code</c>, the country the
/// network is registered in, for records with no located country) and ip-location-db's, the
/// embedded default (<c>country_code</c> at the top level). MaxMind.Db decodes only these keys
/// (its source generator builds the type without reflection); a whole record decoded into a
/// dictionary costs several times more.
/// </summary>
public sealed class CountryRecord
{
    [Constructor]
    public CountryRecord(
        [MapKey("country")] IsoCodeRecord? country,
        [MapKey("registered_country")] IsoCodeRecord? registeredCountry,
        [MapKey("country_code")] string? countryCode)
    {
        Country = country;
        RegisteredCountry = registeredCountry;
        CountryCode = countryCode;
    }

    public IsoCodeRecord? Country { get; }

    public IsoCodeRecord? RegisteredCountry { get; }

    public string? CountryCode { get; }
}
