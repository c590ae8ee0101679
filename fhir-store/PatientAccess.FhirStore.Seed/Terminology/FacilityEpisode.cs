namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// A hospital episode: an inpatient stay (with ICD-10-PCS procedure and MS-DRG) or an emergency
/// or outpatient visit, with the facility lines it bills and the physician service billed beside it.
/// </summary>
internal sealed record FacilityEpisode(
    bool Inpatient,
    bool Emergency,
    CodedConcept Diagnosis,
    int MinimumAge,
    CodedConcept? ProcedureCode,
    CodedConcept? Drg,
    int MinimumDays,
    int MaximumDays,
    IReadOnlyList<FacilityLine> Lines,
    BillableService PhysicianService);
