using System.Buffers;
using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace PatientAccess.Monitor.Fhir;

/// <summary>
/// Firely's JSON serializer for the R4 model, created once (its type mappings are costly to build):
/// the oracle the directly written AuditEvent JSON is held to (<see cref="AuditEventMapper.ToFirelyRow"/>,
/// the tests and the benchmark), no longer on the consumer's path. Called directly on a
/// <see cref="Utf8JsonWriter"/>: through System.Text.Json's converter an event cost about a third more.
/// </summary>
internal static class FhirJson
{
    public const string ContentType = "application/fhir+json; charset=utf-8";

    private static readonly BaseFhirJsonSerializer Serializer = new(ModelInfo.ModelInspector);

    public static string Serialize(Resource resource)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Serializer.Serialize(resource, writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
