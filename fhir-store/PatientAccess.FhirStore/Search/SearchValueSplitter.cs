using System.Text;

namespace PatientAccess.FhirStore.Search;

/// <summary>FHIR's escaping in search values: <c>\,</c> <c>\|</c> <c>\$</c> <c>\\</c> are literal.</summary>
internal static class SearchValueSplitter
{
    /// <summary>Splits on unescaped <paramref name="separator"/>, keeping escapes for a later split.</summary>
    public static List<string> Split(string value, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\' && i + 1 < value.Length)
            {
                current.Append(c).Append(value[++i]);
            }
            else if (c == separator)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    public static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }
}
