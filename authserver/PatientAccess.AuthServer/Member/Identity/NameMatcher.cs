using System.Globalization;
using System.Text;

namespace PatientAccess.AuthServer.Member.Identity;

/// <summary>
/// Compares names the way a person would: "JOSÉ" and "jose" are the same name, "Jo" and
/// "José" are not. The store's own string search only narrows by prefix; this is the decision.
/// </summary>
internal static class NameMatcher
{
    public static bool Same(string? typed, string? recorded) =>
        typed is not null && recorded is not null && Normalize(typed).Length > 0 && Normalize(typed) == Normalize(recorded);

    /// <summary>Accents and case removed, inner whitespace collapsed to one space.</summary>
    public static string Normalize(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
