using System.Globalization;
using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Providers;

/// <summary>Writes the shared resources: the payer, network Organizations, Locations, Practitioners, PractitionerRoles.</summary>
internal static class ProviderResources
{
    private const string CarinOrganization = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Organization";
    private const string CarinPractitioner = "http://hl7.org/fhir/us/carin-bb/StructureDefinition/C4BB-Practitioner";
    private const string UsCoreLocation = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-location";
    private const string UsCoreRole = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitionerrole";

    public static IEnumerable<GeneratedResource> Create(ProviderDirectory directory, string lastUpdated)
    {
        yield return Payer(lastUpdated);
        foreach (var site in directory.Sites)
        {
            yield return Organization(site, lastUpdated);
            yield return Location(site, lastUpdated);
        }

        foreach (var clinician in directory.Clinicians)
        {
            yield return Practitioner(clinician, lastUpdated);
            yield return Role(clinician, lastUpdated);
        }
    }

    private static GeneratedResource Payer(string lastUpdated) => new("Organization", PayerOrganization.Id, new JsonObject
    {
        ["resourceType"] = "Organization",
        ["id"] = PayerOrganization.Id,
        ["meta"] = ResourceMeta.Create(lastUpdated, CarinOrganization),
        ["identifier"] = Fhir.Array(
            Fhir.Npi(PayerOrganization.Npi),
            new JsonObject
            {
                ["type"] = Fhir.Concept(CodeSystems.IdentifierType, "TAX", "Tax ID number"),
                ["system"] = CodeSystems.Tin,
                ["value"] = PayerOrganization.Tin,
            },
            new JsonObject
            {
                ["type"] = Fhir.Concept(CodeSystems.C4BBIdentifierType, "payerid", "Payer ID"),
                ["system"] = "https://www.cms.gov/priorities/key-initiatives/burden-reduction/administrative-simplification/unique-identifiers/payer-id",
                ["value"] = PayerOrganization.PayerId,
            }),
        ["active"] = true,
        ["type"] = Fhir.Array(Fhir.Concept(CodeSystems.OrganizationType, "pay", "Payer")),
        ["name"] = PayerOrganization.Name,
        ["telecom"] = Fhir.Array(Telecom("phone", PayerOrganization.Phone, "work")),
        ["address"] = Fhir.Array(Address(PayerOrganization.AddressLine, PayerOrganization.City, PayerOrganization.State, PayerOrganization.PostalCode, "work")),
    });

    private static GeneratedResource Organization(ProviderSite site, string lastUpdated) => new("Organization", site.OrganizationId, new JsonObject
    {
        ["resourceType"] = "Organization",
        ["id"] = site.OrganizationId,
        ["meta"] = ResourceMeta.Create(lastUpdated, CarinOrganization),
        ["identifier"] = Fhir.Array(Fhir.Npi(site.Npi)),
        ["active"] = true,
        ["type"] = Fhir.Array(Fhir.Concept(CodeSystems.OrganizationType, "prov", "Healthcare Provider")),
        ["name"] = site.Name,
        ["telecom"] = Fhir.Array(Telecom("phone", Phone(site.Place, site.OrganizationId), "work")),
        ["address"] = Fhir.Array(Address(site.Street, site.Place.City, site.Place.State, site.Place.PostalCode, "work")),
    });

    private static GeneratedResource Location(ProviderSite site, string lastUpdated) => new("Location", site.LocationId, new JsonObject
    {
        ["resourceType"] = "Location",
        ["id"] = site.LocationId,
        ["meta"] = ResourceMeta.Create(lastUpdated, UsCoreLocation),
        ["status"] = "active",
        ["name"] = site.Name,
        ["mode"] = "instance",
        ["type"] = Fhir.Array(site.Kind switch
        {
            SiteKind.Hospital => Fhir.Concept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "HOSP", "Hospital"),
            SiteKind.Pharmacy => Fhir.Concept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "PHARM", "Pharmacy"),
            _ => Fhir.Concept("http://terminology.hl7.org/CodeSystem/v3-RoleCode", "OF", "Outpatient facility"),
        }),
        ["telecom"] = Fhir.Array(Telecom("phone", Phone(site.Place, site.OrganizationId), "work")),
        ["address"] = Address(site.Street, site.Place.City, site.Place.State, site.Place.PostalCode, "work"),
        ["managingOrganization"] = Fhir.Reference(site.OrganizationReference, site.Name),
    });

    private static GeneratedResource Practitioner(Clinician clinician, string lastUpdated) => new("Practitioner", clinician.PractitionerId, new JsonObject
    {
        ["resourceType"] = "Practitioner",
        ["id"] = clinician.PractitionerId,
        ["meta"] = ResourceMeta.Create(lastUpdated, CarinPractitioner),
        ["identifier"] = Fhir.Array(Fhir.Npi(clinician.Npi)),
        ["active"] = true,
        ["name"] = Fhir.Array(new JsonObject
        {
            ["use"] = "official",
            ["family"] = clinician.Family,
            ["given"] = Fhir.Array(clinician.Given),
            ["suffix"] = Fhir.Array(clinician.Specialty.Credential),
        }),
        ["telecom"] = Fhir.Array(Telecom("phone", Phone(clinician.Site.Place, clinician.PractitionerId), "work")),
        ["address"] = Fhir.Array(Address(clinician.Site.Street, clinician.Site.Place.City, clinician.Site.Place.State, clinician.Site.Place.PostalCode, "work")),
        ["gender"] = clinician.Gender,
    });

    private static GeneratedResource Role(Clinician clinician, string lastUpdated) => new("PractitionerRole", clinician.RoleId, new JsonObject
    {
        ["resourceType"] = "PractitionerRole",
        ["id"] = clinician.RoleId,
        ["meta"] = ResourceMeta.Create(lastUpdated, UsCoreRole),
        ["active"] = true,
        ["practitioner"] = Fhir.Reference(clinician.Reference, clinician.DisplayName),
        ["organization"] = Fhir.Reference(clinician.Site.OrganizationReference, clinician.Site.Name),
        ["code"] = Fhir.Array(Fhir.Concept("http://terminology.hl7.org/CodeSystem/practitioner-role", "doctor", "Doctor")),
        ["specialty"] = Fhir.Array(Fhir.Concept(clinician.Specialty.Taxonomy)),
        ["location"] = Fhir.Array(Fhir.Reference(clinician.Site.LocationReference, clinician.Site.Name)),
        ["telecom"] = Fhir.Array(Telecom("phone", Phone(clinician.Site.Place, clinician.RoleId), "work")),
    });

    public static JsonObject Address(string line, string city, string state, string postalCode, string use) => new()
    {
        ["use"] = use,
        ["line"] = Fhir.Array(line),
        ["city"] = city,
        ["state"] = state,
        ["postalCode"] = postalCode,
        ["country"] = "US",
    };

    public static JsonObject Telecom(string system, string value, string use) => new()
    {
        ["system"] = system,
        ["value"] = value,
        ["use"] = use,
    };

    /// <summary>555-01xx numbers are reserved for fiction, so no real line gets called.</summary>
    public static string Phone(Place place, string key)
    {
        var hash = 0;
        foreach (var c in key)
        {
            hash = unchecked((hash * 31) + c);
        }

        return string.Create(CultureInfo.InvariantCulture, $"{place.AreaCode}-555-01{(hash & 0x7fffffff) % 100:D2}");
    }
}
