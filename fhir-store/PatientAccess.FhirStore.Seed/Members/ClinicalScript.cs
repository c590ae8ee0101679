using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>
/// Clinical content decided in advance rather than drawn, so a member is guaranteed to have
/// specific conditions, every claim type and every sensitive category.
/// </summary>
internal sealed record ClinicalScript(
    IReadOnlyList<ChronicCondition> Chronic,
    IReadOnlyList<SensitiveEpisode> Sensitive,
    IReadOnlyList<FacilityEpisode> Facility);
