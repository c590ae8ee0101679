using System.Text.Json;

namespace PatientAccess.Fhir.Definitions;

/// <summary>Opens the official FHIR R4 definition files embedded in this assembly.</summary>
internal static class EmbeddedDefinitions
{
    public const string SearchParameters = "search-parameters.json";
    public const string PatientCompartment = "compartmentdefinition-patient.json";
    public const string Schema = "fhir.schema.json";

    // The schema is 3.5 MB and feeds both the type model and the validator: parse it once.
    private static readonly Lazy<JsonDocument> SchemaDocument = new(() => Load(Schema));

    public static JsonElement SchemaRoot => SchemaDocument.Value.RootElement;

    public static JsonDocument Load(string fileName)
    {
        var name = "PatientAccess.Fhir.Definitions." + fileName;
        using var stream = typeof(EmbeddedDefinitions).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded FHIR definition '{name}' is missing from the assembly.");
        return JsonDocument.Parse(stream);
    }
}
