using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>One shared Medication per formulary product, which some MedicationRequests reference instead of coding inline.</summary>
internal static class MedicationCatalog
{
    private const string UsCoreMedication = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-medication";

    public static IEnumerable<GeneratedResource> Create(string lastUpdated)
    {
        foreach (var drug in Drugs.All)
        {
            var code = Fhir.Concept(drug.RxNorm);
            ((JsonArray)code["coding"]!).Add(Fhir.Coding(drug.NdcConcept));
            yield return new GeneratedResource("Medication", drug.MedicationId, new JsonObject
            {
                ["resourceType"] = "Medication",
                ["id"] = drug.MedicationId,
                ["meta"] = ResourceMeta.Create(lastUpdated, UsCoreMedication),
                ["code"] = code,
                ["status"] = "active",
            });
        }
    }
}
