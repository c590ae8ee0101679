using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

internal static class MedicationRequestWriter
{
    private const string UsCoreMedicationRequest = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-medicationrequest";

    /// <summary>
    /// Writes the order. Every third order names the shared Medication instead of coding the drug
    /// inline, so clients and the store's _include see both forms.
    /// </summary>
    public static string Write(
        MemberContext context, Drug drug, DateOnly authored, Clinician prescriber, string? reason, string? encounter,
        bool ongoing, int refills, SensitivityCategory? label)
    {
        var id = context.NextId("medrx");
        var request = new JsonObject
        {
            ["resourceType"] = "MedicationRequest",
            ["id"] = id,
            ["meta"] = context.Meta(UsCoreMedicationRequest, label),
            ["status"] = ongoing ? "active" : "completed",
            ["intent"] = "order",
            ["category"] = Fhir.Array(Fhir.Concept("http://terminology.hl7.org/CodeSystem/medicationrequest-category", "community", "Community")),
        };
        if (context.Random.Next(3) == 0)
        {
            request["medicationReference"] = Fhir.Reference("Medication/" + drug.MedicationId, drug.RxNorm.Display);
        }
        else
        {
            request["medicationCodeableConcept"] = Fhir.Concept(drug.RxNorm);
        }

        request["subject"] = Fhir.Reference(context.Member.PatientReference);
        if (encounter is not null)
        {
            request["encounter"] = Fhir.Reference(encounter);
        }

        request["authoredOn"] = Fhir.Date(authored);
        request["requester"] = Fhir.Reference(prescriber.Reference, prescriber.DisplayName);
        if (reason is not null)
        {
            request["reasonReference"] = Fhir.Array(Fhir.Reference(reason));
        }

        request["dosageInstruction"] = Fhir.Array(new JsonObject { ["text"] = drug.Dosage });
        request["dispenseRequest"] = new JsonObject
        {
            ["numberOfRepeatsAllowed"] = refills,
            ["expectedSupplyDuration"] = new JsonObject
            {
                ["value"] = drug.DaysSupply,
                ["unit"] = "days",
                ["system"] = CodeSystems.Ucum,
                ["code"] = "d",
            },
        };
        return context.Add(request);
    }
}
