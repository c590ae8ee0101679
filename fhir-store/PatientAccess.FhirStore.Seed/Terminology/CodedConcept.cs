namespace PatientAccess.FhirStore.Seed.Terminology;

/// <summary>One code from one code system, with the display a human reads.</summary>
internal sealed record CodedConcept(string System, string Code, string Display);
