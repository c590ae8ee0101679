namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>
/// NPIs with a correct check digit (Luhn over the number prefixed with 80840, as CMS defines it),
/// so validators that check NPIs accept the generated ones.
/// </summary>
internal static class Npi
{
    /// <summary>The NPI whose first nine digits are <paramref name="firstNine"/>.</summary>
    public static string Create(int firstNine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstNine, 100_000_000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstNine, 299_999_999);
        var body = firstNine.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return body + CheckDigit(body);
    }

    public static bool IsValid(string npi) =>
        npi.Length == 10 && npi.All(char.IsAsciiDigit) && CheckDigit(npi[..9]) == npi[9] - '0';

    private static int CheckDigit(string firstNine)
    {
        // Luhn from the right: double every second digit starting with the rightmost of the body.
        var sum = 24; // the constant contribution of the 80840 prefix
        for (var i = 0; i < 9; i++)
        {
            var digit = firstNine[8 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
