namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// What a request may see. <see cref="Everything"/> is the operator's; a member scope
/// sees the compartments of <see cref="PatientIds"/> plus the shared, non-compartment
/// resources, and sensitive resources only in <see cref="ConsentedLabels"/>.
/// </summary>
public sealed record AccessScope(bool IsEverything, IReadOnlySet<string> PatientIds, IReadOnlySet<string> ConsentedLabels)
{
    public static AccessScope Everything { get; } = new(true, new HashSet<string>(), new HashSet<string>());

    public static AccessScope ForMember(IEnumerable<string> patientIds, IEnumerable<string> consentedLabels) =>
        new(false, patientIds.ToHashSet(StringComparer.Ordinal), consentedLabels.ToHashSet(StringComparer.Ordinal));
}
