using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

internal static class EncounterWriter
{
    private const string UsCoreEncounter = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter";

    public static Visit Write(
        MemberContext context, EncounterClass encounterClass, CodedConcept type, Clinician clinician, ProviderSite site,
        DateTime start, DateTime end, CodedConcept reason, string? reasonCondition, SensitivityCategory? label)
    {
        var (classCode, classDisplay, participant) = encounterClass switch
        {
            EncounterClass.Emergency => ("EMER", "emergency", "PPRF"),
            EncounterClass.Inpatient => ("IMP", "inpatient encounter", "ATND"),
            _ => ("AMB", "ambulatory", "PPRF"),
        };
        var encounter = new JsonObject
        {
            ["resourceType"] = "Encounter",
            ["id"] = context.NextId("enc"),
            ["meta"] = context.Meta(UsCoreEncounter, label),
            ["status"] = "finished",
            ["class"] = Fhir.Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", classCode, classDisplay),
            ["type"] = Fhir.Array(Fhir.Concept(type)),
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["participant"] = Fhir.Array(new JsonObject
            {
                ["type"] = Fhir.Array(Fhir.Concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", participant, participant == "ATND" ? "attender" : "primary performer")),
                ["individual"] = Fhir.Reference(clinician.Reference, clinician.DisplayName),
            }),
            ["period"] = Fhir.Period(start, end),
            ["reasonCode"] = Fhir.Array(Fhir.Concept(reason)),
        };
        if (reasonCondition is not null)
        {
            encounter["reasonReference"] = Fhir.Array(Fhir.Reference(reasonCondition));
        }

        if (encounterClass == EncounterClass.Inpatient)
        {
            encounter["hospitalization"] = new JsonObject
            {
                ["admitSource"] = Fhir.Concept("http://terminology.hl7.org/CodeSystem/admit-source", "hosp-trans", "Transferred from other hospital"),
                ["dischargeDisposition"] = Fhir.Concept("http://terminology.hl7.org/CodeSystem/discharge-disposition", "home", "Home"),
            };
        }

        encounter["location"] = Fhir.Array(new JsonObject { ["location"] = Fhir.Reference(site.LocationReference, site.Name) });
        encounter["serviceProvider"] = Fhir.Reference(site.OrganizationReference, site.Name);
        var reference = context.Add(encounter);
        return new Visit(reference, DateOnly.FromDateTime(start), start, end, clinician, site, label);
    }
}
