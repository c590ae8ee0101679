namespace PatientAccess.LoadTests.Smart;

/// <summary>
/// The sensitive-category boxes on the member's sharing page, and the ActCode security labels
/// each one releases (authserver Member/Consent/SensitiveChoice.cs). Users may name a box or a code.
/// </summary>
internal static class SensitiveCategories
{
    private static readonly (string Box, string[] Codes)[] Boxes =
    [
        ("sud", ["ETH"]),
        ("mental", ["PSY", "MH"]),
        ("hiv", ["HIV"]),
        ("sexual", ["SEX", "STD"]),
        ("genetic", ["GDIS"]),
    ];

    public static string Accepted =>
        string.Join(", ", Boxes.SelectMany(b => b.Codes)) + " or " + string.Join(", ", Boxes.Select(b => b.Box));

    /// <summary>The box that releases <paramref name="name"/> (a code such as MH, or a box name such as mental); null if none.</summary>
    public static string? BoxFor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (box, codes) in Boxes)
        {
            if (string.Equals(box, name, StringComparison.OrdinalIgnoreCase) || codes.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                return box;
            }
        }

        return null;
    }
}
