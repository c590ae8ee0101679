using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>The vital signs taken at an office visit, each a US Core vital-sign Observation in UCUM units.</summary>
internal static class VitalSignsWriter
{
    private const string Profiles = "http://hl7.org/fhir/us/core/StructureDefinition/";

    public static void Write(MemberContext context, Visit visit, bool hypertensive)
    {
        var random = context.Random;
        var age = context.Member.AgeOn(visit.Date);
        var adult = age >= 18;
        var heightCm = adult
            ? random.Decimal(context.Member.Gender == "male" ? 165m : 152m, context.Member.Gender == "male" ? 190m : 176m, 1)
            : Math.Round(50m + (age * 6.2m) + random.Decimal(-4m, 4m, 1), 1);
        var bmi = adult ? random.Decimal(19.5m, 36m, 1) : random.Decimal(14.5m, 21m, 1);
        var weightKg = Math.Round(bmi * heightCm * heightCm / 10_000m, 1);

        if (adult)
        {
            var systolic = hypertensive ? random.Between(132, 158) : random.Between(104, 130);
            var diastolic = hypertensive ? random.Between(82, 96) : random.Between(62, 82);
            var bp = Observation(context, visit, "us-core-blood-pressure", Loinc("85354-9", "Blood pressure panel with all children optional"));
            bp["component"] = Fhir.Array(
                Component(Loinc("8480-6", "Systolic blood pressure"), systolic),
                Component(Loinc("8462-4", "Diastolic blood pressure"), diastolic));
            context.Add(bp);
        }

        Quantity(context, visit, "us-core-heart-rate", Loinc("8867-4", "Heart rate"), random.Between(adult ? 58 : 75, adult ? 92 : 120), "beats/minute", "/min");
        Quantity(context, visit, "us-core-body-temperature", Loinc("8310-5", "Body temperature"), random.Decimal(36.4m, 37.4m, 1), "Cel", "Cel");
        Quantity(context, visit, "us-core-body-weight", Loinc("29463-7", "Body weight"), weightKg, "kg", "kg");
        Quantity(context, visit, "us-core-body-height", Loinc("8302-2", "Body height"), heightCm, "cm", "cm");
        if (adult)
        {
            Quantity(context, visit, "us-core-bmi", Loinc("39156-5", "Body mass index (BMI) [Ratio]"), bmi, "kg/m2", "kg/m2");
            Quantity(context, visit, "us-core-respiratory-rate", Loinc("9279-1", "Respiratory rate"), random.Between(12, 20), "breaths/minute", "/min");
        }
    }

    private static void Quantity(MemberContext context, Visit visit, string profile, CodedConcept code, decimal value, string unit, string ucum)
    {
        var observation = Observation(context, visit, profile, code);
        observation["valueQuantity"] = Fhir.Quantity(value, unit, ucum);
        context.Add(observation);
    }

    private static JsonObject Observation(MemberContext context, Visit visit, string profile, CodedConcept code) => new()
    {
        ["resourceType"] = "Observation",
        ["id"] = context.NextId("obs"),
        ["meta"] = context.Meta(Profiles + profile, visit.Label),
        ["status"] = "final",
        ["category"] = Fhir.Array(Fhir.Concept(CodeSystems.ObservationCategory, "vital-signs", "Vital Signs")),
        ["code"] = Fhir.Concept(code),
        ["subject"] = Fhir.Reference(context.Member.PatientReference),
        ["encounter"] = Fhir.Reference(visit.Reference),
        ["effectiveDateTime"] = Fhir.DateTime(visit.Start),
        ["performer"] = Fhir.Array(Fhir.Reference(visit.Clinician.Reference)),
    };

    private static JsonObject Component(CodedConcept code, int value) => new()
    {
        ["code"] = Fhir.Concept(code),
        ["valueQuantity"] = Fhir.Quantity(value, "mmHg", "mm[Hg]"),
    };

    private static CodedConcept Loinc(string code, string display) => new(CodeSystems.Loinc, code, display);
}
