namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>A Practitioner with the PractitionerRole that places them at a site.</summary>
internal sealed record Clinician(string PractitionerId, string RoleId, string Given, string Family, string Gender, string Npi, Specialty Specialty, ProviderSite Site)
{
    public string Reference => "Practitioner/" + PractitionerId;

    public string DisplayName => $"{Given} {Family}, {Specialty.Credential}";
}
