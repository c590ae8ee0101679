namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>What a family name suggests for the US Core race and ethnicity extensions.</summary>
internal enum Heritage
{
    Other,
    Hispanic,
    Asian,
}
