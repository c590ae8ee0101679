using PatientAccess.MemberContext;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// What a request may see. <see cref="Everything"/> is the operator's; a member scope
/// sees the compartments of <see cref="PatientIds"/> plus the shared, non-compartment
/// resources, sensitive resources only with every label in <see cref="ConsentedLabels"/>
/// (see <see cref="SecurityLabels"/>), and only resource types its token's scopes allow:
/// <see cref="ReadTypes"/> by id, <see cref="SearchTypes"/> in a search Bundle.
/// </summary>
public sealed record AccessScope(
    bool IsEverything,
    IReadOnlySet<string> PatientIds,
    IReadOnlySet<string> ConsentedLabels,
    IReadOnlySet<string> ReadTypes,
    IReadOnlySet<string> SearchTypes)
{
    private static readonly string[] AllCategories = [.. SensitiveCategories.All];

    public static AccessScope Everything { get; } = new(true, new HashSet<string>(), new HashSet<string>(), new HashSet<string>(), new HashSet<string>());

    /// <param name="patientIds">The member context's patients.</param>
    /// <param name="consentedCategories">The sensitive categories the member consented to share.</param>
    /// <param name="readTypes">Types the token reads by id; <c>*</c> for all.</param>
    /// <param name="searchTypes">Types the token receives in searches; <c>*</c> for all.</param>
    /// <param name="restrictedUnlockedBy">Categories whose consent, all together, unlocks R and V; null: every category.</param>
    public static AccessScope ForMember(IEnumerable<string> patientIds, IEnumerable<string> consentedCategories,
        IEnumerable<string> readTypes, IEnumerable<string> searchTypes, IReadOnlyCollection<string>? restrictedUnlockedBy = null) =>
        new(false,
            patientIds.ToHashSet(StringComparer.Ordinal),
            SecurityLabels.Unlocked(consentedCategories, restrictedUnlockedBy ?? AllCategories),
            readTypes.ToHashSet(StringComparer.Ordinal),
            searchTypes.ToHashSet(StringComparer.Ordinal));

    /// <summary>Whether the token's scopes allow reading <paramref name="type"/> by id (read, vread).</summary>
    public bool CanRead(string type) => IsEverything || ReadTypes.Contains(MemberContext.MemberContext.AnyType) || ReadTypes.Contains(type);

    /// <summary>Whether the token's scopes allow <paramref name="type"/> in a search Bundle, as a match, an include or a chain's target.</summary>
    public bool CanSearch(string type) => IsEverything || SearchTypes.Contains(MemberContext.MemberContext.AnyType) || SearchTypes.Contains(type);
}
