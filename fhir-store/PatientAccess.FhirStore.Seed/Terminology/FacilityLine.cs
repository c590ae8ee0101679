namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>
/// One line of a facility claim. Institutional lines are charged by revenue code; many carry no
/// CPT (room and board, pharmacy), and then <see cref="Service"/> is null.
/// </summary>
internal sealed record FacilityLine(CodedConcept Revenue, BillableService? Service, decimal Charge, bool PerDay = false);
