namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>An ordered panel: the DiagnosticReport code, what the lab bills, and its results.</summary>
internal sealed record LabPanel(CodedConcept Report, BillableService Service, IReadOnlyList<LabTest> Tests);
