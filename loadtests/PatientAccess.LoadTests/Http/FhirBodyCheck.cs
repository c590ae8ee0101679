using System.Text.Json;
using Hl7.Fhir.Serialization;

namespace PatientAccess.LoadTests.Http;

/// <summary>
/// The http command's <c>--check-fhir</c>: reads a 2xx answer's body with Firely's R4 model in
/// strict mode, as a strict client app would, so answers that arrive on time but garbled
/// (truncated under load, wrong types, not FHIR at all) count as failures instead of successes.
/// Costs tens of microseconds per resource on the load tool's side: a check of correctness under
/// load, not a setting for finding the top rate.
/// </summary>
internal static class FhirBodyCheck
{
    public const string ErrorKind = "invalid-fhir";

    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    public static bool IsValid(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            return Deserializer.TryDeserializeResource(ref reader, out _, out _);
        }
        catch (JsonException)
        {
            // Not JSON at all (or cut off mid-token).
            return false;
        }
    }
}
