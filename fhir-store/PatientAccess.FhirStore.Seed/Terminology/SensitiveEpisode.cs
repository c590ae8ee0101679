using PatientAccess.FhirStore.Seed.Providers;

namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// A course of care whose every trace (condition, visits, claims, orders, results) carries one
/// sensitivity label, so consent filtering can be tested end to end. <see cref="Resolves"/> marks
/// one-off findings (a treated infection, an injury) as opposed to lasting problems.
/// </summary>
internal sealed record SensitiveEpisode(
    SensitivityCategory Category,
    CodedConcept Diagnosis,
    string? Gender,
    int MinimumAge,
    int MaximumAge,
    double Prevalence,
    Specialty Specialty,
    IReadOnlyList<BillableService> FirstVisit,
    BillableService? FollowUp,
    int MaximumVisits,
    Drug? Treatment,
    LabPanel? Monitoring,
    bool Emergency = false,
    bool Resolves = false);
