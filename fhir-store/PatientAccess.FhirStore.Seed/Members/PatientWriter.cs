using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Claims;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Members;

/// <summary>Writes the member's Patient (US Core and CARIN shaped) and Coverage.</summary>
internal static class PatientWriter
{
    private const string UsCorePatient = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";

    public static void Write(MemberContext context)
    {
        var member = context.Member;
        var meta = context.Meta(UsCorePatient);
        ((JsonArray)meta["profile"]!).Add(CarinProfiles.Patient);
        var patient = new JsonObject
        {
            ["resourceType"] = "Patient",
            ["id"] = member.PatientId,
            ["meta"] = meta,
            ["extension"] = Fhir.Array(Race(context), Ethnicity(member)),
            ["identifier"] = Fhir.Array(MemberIdentifier(member.MemberId)),
            ["active"] = true,
            ["name"] = Fhir.Array(new JsonObject
            {
                ["use"] = "official",
                ["family"] = member.Family,
                ["given"] = new JsonArray([.. member.Given.Select(g => (JsonNode)g)]),
            }),
            ["telecom"] = Fhir.Array(
                ProviderResources.Telecom("phone", member.Phone, "home"),
                ProviderResources.Telecom("email", member.Email, "home")),
            ["gender"] = member.Gender,
            ["birthDate"] = Fhir.Date(member.BirthDate),
            ["address"] = Fhir.Array(ProviderResources.Address(member.AddressLine, member.Place.City, member.Place.State, member.Place.PostalCode, "home")),
            ["communication"] = Fhir.Array(new JsonObject
            {
                ["language"] = member.SpeaksSpanish
                    ? Fhir.Concept("urn:ietf:bcp:47", "es", "Spanish")
                    : Fhir.Concept("urn:ietf:bcp:47", "en", "English"),
                ["preferred"] = true,
            }),
        };
        context.Add(patient);
        context.Add(Coverage(context));
    }

    /// <summary>The identifier member verification searches on: the member-ID system with type MB.</summary>
    public static JsonObject MemberIdentifier(string memberId) => new()
    {
        ["use"] = "usual",
        ["type"] = Fhir.Concept(CodeSystems.IdentifierType, "MB", "Member Number"),
        ["system"] = CodeSystems.MemberId,
        ["value"] = memberId,
    };

    private static JsonObject Coverage(MemberContext context)
    {
        var member = context.Member;
        var dependent = member.Relationship switch
        {
            "self" => "00",
            "spouse" => "01",
            _ => "02",
        };
        return new JsonObject
        {
            ["resourceType"] = "Coverage",
            ["id"] = member.CoverageId,
            ["meta"] = context.Meta(CarinProfiles.Coverage),
            ["identifier"] = Fhir.Array(MemberIdentifier(member.MemberId)),
            ["status"] = "active",
            ["type"] = Fhir.Concept(CodeSystems.ActCode, "HIP", "health insurance plan policy"),
            ["subscriber"] = Fhir.Reference("Patient/" + member.SubscriberPatientId),
            ["subscriberId"] = member.SubscriberMemberId,
            ["beneficiary"] = Fhir.Reference(member.PatientReference, member.DisplayName),
            ["dependent"] = dependent,
            ["relationship"] = Fhir.Concept(CodeSystems.SubscriberRelationship, member.Relationship, RelationshipDisplay(member.Relationship)),
            ["period"] = new JsonObject
            {
                ["start"] = Fhir.Date(member.CoverageStart),
                ["end"] = Fhir.Date(new DateOnly(context.ReferenceDate.Year, 12, 31)),
            },
            ["payor"] = Fhir.Array(Fhir.Reference(PayerOrganization.Reference, PayerOrganization.Name)),
            ["class"] = Fhir.Array(
                new JsonObject
                {
                    ["type"] = Fhir.Concept(CodeSystems.CoverageClass, "group", "Group"),
                    ["value"] = member.Plan.GroupId,
                    ["name"] = member.Plan.GroupName,
                },
                new JsonObject
                {
                    ["type"] = Fhir.Concept(CodeSystems.CoverageClass, "plan", "Plan"),
                    ["value"] = member.Plan.PlanId,
                    ["name"] = member.Plan.PlanName,
                }),
        };
    }

    private static string RelationshipDisplay(string code) => code switch
    {
        "self" => "Self",
        "spouse" => "Spouse",
        _ => "Child",
    };

    private static JsonObject Race(MemberContext context)
    {
        var (code, display) = context.Member.Heritage switch
        {
            Heritage.Asian => ("2028-9", "Asian"),
            _ => context.Random.NextDouble() switch
            {
                < 0.70 => ("2106-3", "White"),
                < 0.92 => ("2054-5", "Black or African American"),
                < 0.97 => ("2076-8", "Native Hawaiian or Other Pacific Islander"),
                _ => ("1002-5", "American Indian or Alaska Native"),
            },
        };
        return UsCoreExtension("us-core-race", code, display);
    }

    private static JsonObject Ethnicity(MemberProfile member) => member.Heritage == Heritage.Hispanic
        ? UsCoreExtension("us-core-ethnicity", "2135-2", "Hispanic or Latino")
        : UsCoreExtension("us-core-ethnicity", "2186-5", "Not Hispanic or Latino");

    private static JsonObject UsCoreExtension(string name, string code, string display) => new()
    {
        ["url"] = "http://hl7.org/fhir/us/core/StructureDefinition/" + name,
        ["extension"] = Fhir.Array(
            new JsonObject
            {
                ["url"] = "ombCategory",
                ["valueCoding"] = Fhir.Coding(CodeSystems.OmbRaceEthnicity, code, display),
            },
            new JsonObject { ["url"] = "text", ["valueString"] = display }),
    };
}
