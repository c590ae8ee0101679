using System.Globalization;
using System.Text;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// The form string search compares: the spec asks for matching that ignores case and accents
/// ("Zoë" finds "zoe"), so both the stored and the searched value are lower-cased and
/// stripped of combining marks.
/// </summary>
public static class SearchStringNormalizer
{
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (IsPlainLowerAscii(value))
        {
            return value;
        }

        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // Most values (codes, zip codes, already lower-case text) need no work: skip the allocations.
    private static bool IsPlainLowerAscii(string value)
    {
        foreach (var c in value)
        {
            if (c > 0x7f || char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
