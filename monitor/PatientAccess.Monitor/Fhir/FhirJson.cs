using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace PatientAccess.Monitor.Fhir;

/// <summary>Firely's System.Text.Json converters for the R4 model, created once (they are costly to build).</summary>
internal static class FhirJson
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    public static JsonSerializerOptions Options { get; } = new JsonSerializerOptions().ForFhir();
}
