namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>A CPT or HCPCS service with the provider's usual billed charge (before any discount).</summary>
internal sealed record BillableService(CodedConcept Code, decimal Charge);
