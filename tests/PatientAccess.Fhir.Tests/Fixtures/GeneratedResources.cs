using System.Globalization;
using System.Text.Json;

namespace PatientAccess.Fhir.Tests.Fixtures;

/// <summary>Many small distinct resources for throughput measurements, derived from the fixtures.</summary>
internal static class GeneratedResources
{
    public static List<(string ResourceType, JsonElement Resource)> Create(int count)
    {
        var templates = new (string Type, string Json, string Id)[]
        {
            ("Patient", FhirResources.Patient, "john-allen"),
            ("ExplanationOfBenefit", FhirResources.ExplanationOfBenefit, "eob-professional-1"),
            ("Coverage", FhirResources.Coverage, "cov-john-allen"),
            ("Observation", FhirResources.WeightObservation, "weight-1"),
            ("Observation", FhirResources.BloodPressureObservation, "bp-1"),
            ("Condition", FhirResources.Condition, "diabetes-1"),
            ("Encounter", FhirResources.Encounter, "enc-1"),
            ("MedicationRequest", FhirResources.MedicationRequest, "rx-1"),
        };
        var resources = new List<(string, JsonElement)>(count);
        for (var i = 0; i < count; i++)
        {
            var (type, json, id) = templates[i % templates.Length];
            var member = "member-" + (i / templates.Length).ToString(CultureInfo.InvariantCulture);
            var varied = json
                .Replace($"\"id\": \"{id}\"", $"\"id\": \"{id}-{i}\"", StringComparison.Ordinal)
                .Replace("Patient/john-allen", "Patient/" + member, StringComparison.Ordinal);
            resources.Add((type, JsonElement.Parse(varied)));
        }

        return resources;
    }
}
