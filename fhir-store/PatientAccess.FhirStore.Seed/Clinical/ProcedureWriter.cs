using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

internal static class ProcedureWriter
{
    private const string UsCoreProcedure = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-procedure";

    public static string Write(MemberContext context, Visit visit, CodedConcept code, string? reasonCondition, int minutes)
    {
        var start = visit.Start.AddMinutes(30);
        var procedure = new JsonObject
        {
            ["resourceType"] = "Procedure",
            ["id"] = context.NextId("proc"),
            ["meta"] = context.Meta(UsCoreProcedure, visit.Label),
            ["status"] = "completed",
            ["code"] = Fhir.Concept(code),
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["encounter"] = Fhir.Reference(visit.Reference),
            ["performedPeriod"] = Fhir.Period(start, start.AddMinutes(minutes)),
            ["performer"] = Fhir.Array(new JsonObject
            {
                ["actor"] = Fhir.Reference(visit.Clinician.Reference, visit.Clinician.DisplayName),
                ["onBehalfOf"] = Fhir.Reference(visit.Site.OrganizationReference),
            }),
            ["location"] = Fhir.Reference(visit.Site.LocationReference, visit.Site.Name),
        };
        if (reasonCondition is not null)
        {
            procedure["reasonReference"] = Fhir.Array(Fhir.Reference(reasonCondition));
        }

        return context.Add(procedure);
    }
}
