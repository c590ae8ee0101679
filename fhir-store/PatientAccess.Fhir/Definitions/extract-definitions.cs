#:property PublishAot=false
// Regenerates the definitions embedded in PatientAccess.Fhir from the official HL7 FHIR R4
// (4.0.1) files. Run from the repository root:
//
//   dotnet run fhir-store/PatientAccess.Fhir/Definitions/extract-definitions.cs -- ../shared/fhir-r4
//
// search-parameters.json is reduced to the SearchParameters of the resource types the store
// serves (plus the common Resource/DomainResource ones) and to the fields search needs; the
// compartment definition and the JSON schema are copied unchanged.
using System.Text.Json;

var source = args.Length > 0 ? args[0] : "../shared/fhir-r4";
var target = Path.Combine("fhir-store", "PatientAccess.Fhir", "Definitions");
if (!Directory.Exists(target))
{
    Console.Error.WriteLine($"Run from the repository root: {target} not found.");
    return 1;
}

// Keep in step with the resource types named in issue 3 (the store's first-class types).
string[] servedTypes =
[
    "Resource", "DomainResource",
    "ExplanationOfBenefit", "Coverage", "Organization", "Patient", "Practitioner", "PractitionerRole",
    "Location", "AllergyIntolerance", "Condition", "Observation", "MedicationRequest", "Medication",
    "Procedure", "Immunization", "Encounter", "DiagnosticReport", "DocumentReference", "CarePlan",
    "Goal", "CareTeam", "Provenance",
];
var served = new HashSet<string>(servedTypes, StringComparer.Ordinal);

using var bundle = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(source, "search-parameters.json")));
var outputPath = Path.Combine(target, "search-parameters.json");
using (var stream = File.Create(outputPath))
using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
{
    writer.WriteStartObject();
    writer.WriteString("source", "HL7 FHIR R4 4.0.1 search-parameters.json (CC0), reduced by extract-definitions.cs");
    writer.WriteStartArray("searchParameters");
    var kept = 0;
    foreach (var entry in bundle.RootElement.GetProperty("entry").EnumerateArray())
    {
        var parameter = entry.GetProperty("resource");
        var bases = parameter.GetProperty("base").EnumerateArray()
            .Select(b => b.GetString()!)
            .Where(served.Contains)
            .ToList();
        if (bases.Count == 0)
        {
            continue;
        }

        kept++;
        writer.WriteStartObject();
        CopyString(parameter, writer, "id");
        CopyString(parameter, writer, "url");
        CopyString(parameter, writer, "code");
        writer.WriteStartArray("base");
        foreach (var b in bases)
        {
            writer.WriteStringValue(b);
        }

        writer.WriteEndArray();
        CopyString(parameter, writer, "type");
        // The official expression is kept whole (often a union across many types); the
        // registry keeps only the branches of the type asked for.
        CopyString(parameter, writer, "expression");
        foreach (var name in new[] { "target", "modifier", "comparator", "multipleOr", "multipleAnd", "component" })
        {
            if (parameter.TryGetProperty(name, out var value))
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    writer.WriteEndArray();
    writer.WriteEndObject();
    Console.WriteLine($"{outputPath}: {kept} search parameters");
}

// The output is checked in: end it with a newline like every other text file.
File.AppendAllText(outputPath, "\n");

foreach (var file in new[] { "compartmentdefinition-patient.json", "fhir.schema.json" })
{
    // Byte copy rather than File.Copy: the source files are read-only and their mode must not follow.
    File.WriteAllBytes(Path.Combine(target, file), File.ReadAllBytes(Path.Combine(source, file)));
    Console.WriteLine($"{Path.Combine(target, file)}: copied");
}

return 0;

static void CopyString(JsonElement from, Utf8JsonWriter writer, string name)
{
    if (from.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
    {
        writer.WriteString(name, value.GetString());
    }
}
