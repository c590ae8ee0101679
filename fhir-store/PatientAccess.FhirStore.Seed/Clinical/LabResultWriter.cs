using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>Writes a lab panel: one laboratory Observation per test and the DiagnosticReport that groups them.</summary>
internal static class LabResultWriter
{
    private const string UsCoreLab = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab";
    private const string UsCoreReport = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-diagnosticreport-lab";

    public static string Write(MemberContext context, Visit visit, LabPanel panel)
    {
        var collected = visit.Start.AddMinutes(20);
        var issued = collected.AddHours(context.Random.Between(4, 30));
        var results = new JsonArray();
        foreach (var test in panel.Tests)
        {
            results.Add(Fhir.Reference(Result(context, visit, test, collected, issued)));
        }

        return context.Add(new JsonObject
        {
            ["resourceType"] = "DiagnosticReport",
            ["id"] = context.NextId("dr"),
            ["meta"] = context.Meta(UsCoreReport, visit.Label),
            ["status"] = "final",
            ["category"] = Fhir.Array(Fhir.Concept(CodeSystems.DiagnosticServiceSection, "LAB", "Laboratory")),
            ["code"] = Fhir.Concept(panel.Report),
            ["subject"] = Fhir.Reference(context.Member.PatientReference),
            ["encounter"] = Fhir.Reference(visit.Reference),
            ["effectiveDateTime"] = Fhir.DateTime(collected),
            ["issued"] = Fhir.DateTime(issued),
            ["performer"] = Fhir.Array(Fhir.Reference(visit.Site.OrganizationReference, visit.Site.Name)),
            ["result"] = results,
        });
    }

    /// <summary>A qualitative result (detected / not detected), used for screening tests.</summary>
    public static string Qualitative(MemberContext context, Visit visit, CodedConcept code, bool detected)
    {
        var observation = Base(context, visit, code, visit.Start.AddMinutes(20), visit.Start.AddDays(1));
        observation["valueCodeableConcept"] = detected
            ? Fhir.Concept(CodeSystems.Snomed, "260373001", "Detected (qualifier value)")
            : Fhir.Concept(CodeSystems.Snomed, "260415000", "Not detected (qualifier value)");
        return context.Add(observation);
    }

    private static string Result(MemberContext context, Visit visit, LabTest test, DateTime collected, DateTime issued)
    {
        var observation = Base(context, visit, test.Code, collected, issued);
        // Most results fall in range; about one in six lands somewhat above it.
        var spread = test.High - test.Low;
        var high = context.Random.Chance(0.16);
        var value = high
            ? context.Random.Decimal(test.High, test.High + (spread * 0.4m), test.Decimals)
            : context.Random.Decimal(test.Low, test.High, test.Decimals);
        observation["valueQuantity"] = Fhir.Quantity(value, test.Unit, test.UcumCode);
        observation["interpretation"] = Fhir.Array(value > test.High
            ? Fhir.Concept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "H", "High")
            : Fhir.Concept("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", "N", "Normal"));
        observation["referenceRange"] = Fhir.Array(new JsonObject
        {
            ["low"] = Fhir.Quantity(test.Low, test.Unit, test.UcumCode),
            ["high"] = Fhir.Quantity(test.High, test.Unit, test.UcumCode),
        });
        return context.Add(observation);
    }

    private static JsonObject Base(MemberContext context, Visit visit, CodedConcept code, DateTime collected, DateTime issued) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = context.NextId("obs"),
        ["meta"] = context.Meta(UsCoreLab, visit.Label),
        ["status"] = "final",
        ["category"] = Fhir.Array(Fhir.Concept(CodeSystems.ObservationCategory, "laboratory", "Laboratory")),
        ["code"] = Fhir.Concept(code),
        ["subject"] = Fhir.Reference(context.Member.PatientReference),
        ["encounter"] = Fhir.Reference(visit.Reference),
        ["effectiveDateTime"] = Fhir.DateTime(collected),
        ["issued"] = Fhir.DateTime(issued),
    };
}
