using PatientAccess.FhirStore.Seed.Members;

namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>A provider organization and its one Location.</summary>
internal sealed record ProviderSite(string OrganizationId, string LocationId, string Name, SiteKind Kind, Place Place, string Street, string Npi)
{
    public string OrganizationReference => "Organization/" + OrganizationId;

    public string LocationReference => "Location/" + LocationId;
}
