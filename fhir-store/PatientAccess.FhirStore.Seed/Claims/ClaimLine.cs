using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Claims;

/// <summary>One billed line: what was done (or the revenue department for institutional lines), when, how much of it, and the charge.</summary>
internal sealed record ClaimLine(CodedConcept? ProductOrService, CodedConcept? Revenue, DateOnly Date, decimal Quantity, decimal Charge);
