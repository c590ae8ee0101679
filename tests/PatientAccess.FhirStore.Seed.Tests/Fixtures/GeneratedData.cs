using System.Text.Json.Nodes;

namespace PatientAccess.FhirStore.Seed.Tests.Fixtures;

/// <summary>Generated data sets shared by the tests; generating them once keeps the suite fast.</summary>
internal static class GeneratedData
{
    public const long Seed = 20260101;

    private static readonly Lazy<IReadOnlyList<GeneratedResource>> Small = new(() => SyntheticDataGenerator.Generate(60, Seed).ToArray());

    private static readonly Lazy<IReadOnlyList<GeneratedResource>> Large = new(() => SyntheticDataGenerator.Generate(400, Seed).ToArray());

    /// <summary>60 random members plus the demo member and family.</summary>
    public static IReadOnlyList<GeneratedResource> Resources => Small.Value;

    /// <summary>400 random members, for population shares.</summary>
    public static IReadOnlyList<GeneratedResource> Population => Large.Value;

    public static GeneratedResource Get(string resourceType, string id) =>
        Resources.Single(r => r.ResourceType == resourceType && r.Id == id);

    public static IEnumerable<GeneratedResource> OfPatient(IEnumerable<GeneratedResource> resources, string patientId) =>
        resources.Where(r => References(r.Json).Contains("Patient/" + patientId) || (r.ResourceType == "Patient" && r.Id == patientId));

    /// <summary>Every <c>reference</c> string anywhere in the resource.</summary>
    public static IReadOnlyList<string> References(JsonNode? node)
    {
        var found = new List<string>();
        Collect(node, found);
        return found;
    }

    public static IReadOnlyList<string> SecurityCodes(GeneratedResource resource) =>
        resource.Json["meta"]?["security"]?.AsArray()
            .Where(c => (string?)c!["system"] == "http://terminology.hl7.org/CodeSystem/v3-ActCode")
            .Select(c => (string)c!["code"]!)
            .ToArray() ?? [];

    private static void Collect(JsonNode? node, List<string> found)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "reference" && value is JsonValue v && v.TryGetValue<string>(out var reference))
                    {
                        found.Add(reference);
                    }
                    else
                    {
                        Collect(value, found);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }

                break;
        }
    }
}
