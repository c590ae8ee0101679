using System.Globalization;
using System.Text;

namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>Mailbox names are ASCII: accents dropped, apostrophes and spaces removed.</summary>
internal static class EmailAddress
{
    public static string For(string given, string family, string? discriminator)
    {
        var local = Fold(given) + "." + Fold(family) + discriminator;
        return local + "@example.com";
    }

    private static string Fold(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('\'' or ' ' or '-'))
            {
                // Letters with no ASCII decomposition (ø, ß) are rare in the tables; keep the mailbox ASCII anyway.
                builder.Append('x');
            }
        }

        return builder.ToString();
    }
}
