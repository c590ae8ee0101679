using System.Text.Json.Nodes;
using PatientAccess.FhirStore.Seed.Json;
using PatientAccess.FhirStore.Seed.Members;
using PatientAccess.FhirStore.Seed.Terminology;

namespace PatientAccess.FhirStore.Seed.Clinical;

/// <summary>Flu shots by season and the age-appropriate one-time vaccines, given by the member's primary care clinician.</summary>
internal static class ImmunizationWriter
{
    private const string UsCoreImmunization = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-immunization";

    public static void Write(MemberContext context, bool certain)
    {
        var random = context.Random;
        for (var year = context.HistoryStart.Year; year < context.ReferenceDate.Year; year++)
        {
            var date = new DateOnly(year, 10, 1).AddDays(random.Next(60));
            if (date >= context.HistoryStart && date <= context.LastServiceDate && context.Member.AgeOn(date) >= 1 && (certain || random.Chance(0.55)))
            {
                Write(context, Vaccines.Influenza.Code, date);
            }
        }

        foreach (var vaccine in Vaccines.OneTime)
        {
            var date = context.ServiceDate();
            var age = context.Member.AgeOn(date);
            if (age >= vaccine.MinimumAge && age <= vaccine.MaximumAge && (certain || random.Chance(context.IsAdult ? 0.3 : 0.8)))
            {
                Write(context, vaccine.Code, date);
            }
        }
    }

    private static void Write(MemberContext context, CodedConcept vaccine, DateOnly date)
    {
        var clinician = context.PrimaryCare;
        context.Add(new JsonObject
        {
            ["resourceType"] = "Immunization",
            ["id"] = context.NextId("imm"),
            ["meta"] = context.Meta(UsCoreImmunization),
            ["status"] = "completed",
            ["vaccineCode"] = Fhir.Concept(vaccine),
            ["patient"] = Fhir.Reference(context.Member.PatientReference),
            ["occurrenceDateTime"] = Fhir.DateTime(context.OfficeHours(date)),
            ["primarySource"] = true,
            ["location"] = Fhir.Reference(clinician.Site.LocationReference, clinician.Site.Name),
            ["lotNumber"] = "LOT" + context.Random.Between(10_000, 99_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["performer"] = Fhir.Array(new JsonObject
            {
                ["function"] = Fhir.Concept("http://terminology.hl7.org/CodeSystem/v2-0443", "AP", "Administering Provider"),
                ["actor"] = Fhir.Reference(clinician.Reference, clinician.DisplayName),
            }),
        });
    }
}
