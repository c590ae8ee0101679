using System.Collections.Frozen;
using PatientAccess.MemberContext;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// Reads <c>meta.security</c> codings as the labels the access rule knows: the sensitive
/// categories (<see cref="SensitiveCategories"/>) and the confidentiality levels
/// <see cref="Restricted"/> (R) and <see cref="VeryRestricted"/> (V). Data from other systems is
/// written in many spellings, and a label missed is a sensitive record shown, so the reading is
/// generous: the R4 and pre-R4 URIs and the OIDs of v3-ActCode and v3-Confidentiality, any letter
/// case, a trailing slash, http or https, and a coding with no system at all. A coding of another
/// system is not a label (a local code "HIV" may mean anything).
/// </summary>
public static class SecurityLabels
{
    /// <summary>v3-Confidentiality R: restricted.</summary>
    public const string Restricted = "R";

    /// <summary>v3-Confidentiality V: very restricted.</summary>
    public const string VeryRestricted = "V";

    private static readonly FrozenSet<string> LabelSystems = new[]
    {
        "terminology.hl7.org/CodeSystem/v3-ActCode", "hl7.org/fhir/v3/ActCode", "urn:oid:2.16.840.1.113883.5.4",
        "terminology.hl7.org/CodeSystem/v3-Confidentiality", "hl7.org/fhir/v3/Confidentiality", "urn:oid:2.16.840.1.113883.5.25",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The label a coding carries, or null when it is none of ours.</summary>
    public static string? Normalize(string? system, string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !IsLabelSystem(system))
        {
            return null;
        }

        var value = code.Trim().ToUpperInvariant();
        return SensitiveCategories.All.Contains(value) || value is Restricted or VeryRestricted ? value : null;
    }

    /// <summary>
    /// The labels a member context unlocks: the consented categories (in any case), plus R and V
    /// when every category of <paramref name="restrictedUnlockedBy"/> is among them.
    /// </summary>
    public static IReadOnlySet<string> Unlocked(IEnumerable<string> consentedCategories, IReadOnlyCollection<string> restrictedUnlockedBy)
    {
        ArgumentNullException.ThrowIfNull(consentedCategories);
        ArgumentNullException.ThrowIfNull(restrictedUnlockedBy);
        var unlocked = consentedCategories.Select(c => c.Trim().ToUpperInvariant()).Where(SensitiveCategories.All.Contains).ToHashSet(StringComparer.Ordinal);
        if (restrictedUnlockedBy.Count > 0 && restrictedUnlockedBy.All(unlocked.Contains))
        {
            unlocked.Add(Restricted);
            unlocked.Add(VeryRestricted);
        }

        return unlocked;
    }

    private static bool IsLabelSystem(string? system)
    {
        if (string.IsNullOrWhiteSpace(system))
        {
            return true;
        }

        var text = system.Trim().TrimEnd('/');
        foreach (var scheme in new[] { "http://", "https://" })
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                text = text[scheme.Length..];
                break;
            }
        }

        return LabelSystems.Contains(text);
    }
}
