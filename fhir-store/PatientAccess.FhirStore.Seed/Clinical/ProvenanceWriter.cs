using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Providers;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>
/// One Provenance per member naming the payer as transmitter of the record. It targets only
/// unlabeled resources: a Provenance pointing at a sensitive resource would disclose that it exists
/// to anyone allowed to read the Provenance.
/// </summary>
internal static class ProvenanceWriter
{
    private const string UsCoreProvenance = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-provenance";
    private const int MaxTargets = 8;

    public static void Write(MemberContext context)
    {
        var targets = new JsonArray();
        foreach (var resource in context.Resources)
        {
            if (targets.Count == MaxTargets)
            {
                break;
            }

            if (resource.Json["meta"]?["security"] is null)
            {
                targets.Add(Fhir.Reference(resource.Reference));
            }
        }

        context.Add(new JsonObject
        {
            ["resourceType"] = "Provenance",
            ["id"] = context.NextId("provenance"),
            ["meta"] = context.Meta(UsCoreProvenance),
            ["target"] = targets,
            ["recorded"] = context.LastUpdated,
            ["agent"] = Fhir.Array(new JsonObject
            {
                ["type"] = Fhir.Concept("http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type", "transmitter", "Transmitter"),
                ["who"] = Fhir.Reference(PayerOrganization.Reference, PayerOrganization.Name),
            }),
        });
    }
}
