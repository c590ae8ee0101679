namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>The v3 ActCode encounter classes the generator uses.</summary>
internal enum EncounterClass
{
    Ambulatory,
    Emergency,
    Inpatient,
}
