namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>A substance a member may react to, its AllergyIntolerance category and the usual reaction.</summary>
internal sealed record Allergen(CodedConcept Substance, string Category, CodedConcept Reaction);
