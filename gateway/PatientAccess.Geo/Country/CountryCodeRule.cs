namespace PatientAccess.Geo.Country;

/// <summary>Which code of a <see cref="CountryRecord"/> counts, and what counts as a code.</summary>
internal static class CountryCodeRule
{
    /// <summary>The located country, else the registered one, else ip-location-db's code; null when none is a valid code.</summary>
    public static string? Choose(CountryRecord? record) =>
        record is null
            ? null
            : Normalize(record.Country?.IsoCode) ?? Normalize(record.RegisteredCountry?.IsoCode) ?? Normalize(record.CountryCode);

    /// <summary>Two ASCII letters, upper-cased; anything else is treated as no country rather than trusted.</summary>
    private static string? Normalize(string? code)
    {
        if (code is null || code.Length != 2 || !char.IsAsciiLetter(code[0]) || !char.IsAsciiLetter(code[1]))
        {
            return null;
        }

        return char.IsAsciiLetterUpper(code[0]) && char.IsAsciiLetterUpper(code[1]) ? code : code.ToUpperInvariant();
    }
}
