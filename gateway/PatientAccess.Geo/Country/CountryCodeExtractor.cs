using PatientAccess.Geo.Decoding;

namespace PatientAccess.Geo.Country;

/// <summary>
/// Reads the country from the two record schemas in use: MaxMind's GeoIP2/GeoLite2
/// (<c>country.iso_code</c>, else <c>registered_country.iso_code</c>, the country the
/// network is registered in, for records that have no located country) and ip-location-db's
/// (<c>country_code</c> at the top level).
/// </summary>
internal static class CountryCodeExtractor
{
    public static string? Extract(MmdbValue record)
    {
        if (record.Kind != MmdbValueKind.Map)
        {
            return null;
        }

        return Normalize(IsoCode(record, "country"))
            ?? Normalize(IsoCode(record, "registered_country"))
            ?? Normalize(record.TryGet("country_code", out var code) ? code : default);
    }

    private static MmdbValue IsoCode(MmdbValue record, string key) =>
        record.TryGet(key, out var country) && country.TryGet("iso_code", out var code) ? code : default;

    /// <summary>Two ASCII letters, upper-cased; anything else is treated as no country rather than trusted.</summary>
    private static string? Normalize(MmdbValue value)
    {
        if (value.Kind != MmdbValueKind.String)
        {
            return null;
        }

        var code = value.AsString();
        if (code.Length != 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1]))
        {
            return null;
        }

        return char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) ? code : code.ToUpperInvariant();
    }
}
