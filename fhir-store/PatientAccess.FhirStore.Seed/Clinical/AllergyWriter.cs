using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

internal static class AllergyWriter
{
    private const string UsCoreAllergy = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-allergyintolerance";

    /// <summary>About a quarter of members have one recorded allergy, a few have two.</summary>
    public static void Write(MemberContext context, int? count = null)
    {
        var random = context.Random;
        var allergies = count ?? (random.Chance(0.25) ? (random.Chance(0.3) ? 2 : 1) : 0);
        var first = random.Next(Allergens.All.Count);
        for (var i = 0; i < allergies; i++)
        {
            var allergen = Allergens.All[(first + i) % Allergens.All.Count];
            var recorded = context.ServiceDate();
            context.Add(new JsonObject
            {
                ["resourceType"] = "AllergyIntolerance",
                ["id"] = context.NextId("allergy"),
                ["meta"] = context.Meta(UsCoreAllergy),
                ["clinicalStatus"] = Fhir.Concept(CodeSystems.AllergyClinical, "active", "Active"),
                ["verificationStatus"] = Fhir.Concept(CodeSystems.AllergyVerification, "confirmed", "Confirmed"),
                ["type"] = "allergy",
                ["category"] = Fhir.Array(allergen.Category),
                ["criticality"] = allergen.Category == "food" ? "high" : "low",
                ["code"] = Fhir.Concept(allergen.Substance),
                ["patient"] = Fhir.Reference(context.Member.PatientReference),
                ["recordedDate"] = Fhir.Date(recorded),
                ["recorder"] = Fhir.Reference(context.PrimaryCare.Reference, context.PrimaryCare.DisplayName),
                ["reaction"] = Fhir.Array(new JsonObject
                {
                    ["manifestation"] = Fhir.Array(Fhir.Concept(allergen.Reaction)),
                    ["severity"] = allergen.Category == "food" ? "severe" : "mild",
                }),
            });
        }
    }
}
