using PatientAccess.MemberContext;

namespace PatientAccess.AuthServer.Member.Consent;

/// <summary>
/// A sensitive category as the member sees it (one checkbox, explained in plain words) and the
/// ActCode security labels it releases. Nothing in these categories is shared unless ticked.
/// </summary>
internal sealed record SensitiveChoice(string Key, IReadOnlyList<string> Codes)
{
    public static IReadOnlyList<SensitiveChoice> All { get; } =
    [
        new("sud", [SensitiveCategories.SubstanceUse]),
        new("mental", [SensitiveCategories.Psychiatry, SensitiveCategories.MentalHealth]),
        new("hiv", [SensitiveCategories.Hiv]),
        new("sexual", [SensitiveCategories.Sexuality, SensitiveCategories.SexuallyTransmittedDisease]),
        new("genetic", [SensitiveCategories.GeneticDisease]),
    ];

    /// <summary>The codes of the ticked choices; unknown keys are ignored.</summary>
    public static IReadOnlyList<string> CodesFor(IEnumerable<string> keys) =>
        [.. All.Where(c => keys.Contains(c.Key, StringComparer.Ordinal)).SelectMany(c => c.Codes).Distinct(StringComparer.Ordinal)];

    /// <summary>The choices whose codes are all in <paramref name="codes"/>.</summary>
    public static IReadOnlyList<SensitiveChoice> From(IReadOnlyCollection<string> codes) =>
        [.. All.Where(c => c.Codes.All(code => codes.Contains(code, StringComparer.Ordinal)))];
}
