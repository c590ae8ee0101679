using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace PatientAccess.Testing;

/// <summary>
/// Reads FHIR the way a strict outside client does: Firely's R4 model (Hl7.Fhir.R4) in strict
/// mode, which refuses unknown elements, wrong types, bad primitives, a missing resourceType and
/// invalid narrative. Tests read the store's and the gateway's answers through it, so an answer
/// that only our own code could read fails the test that received it.
/// </summary>
public static class StrictFhir
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Strict));

    /// <summary>The resource in <paramref name="json"/>; throws, naming every problem Firely found, if it is not valid R4.</summary>
    public static T Parse<T>(string json)
        where T : Resource
    {
        try
        {
            return Deserializer.Deserialize<T>(json);
        }
        catch (DeserializationFailedException ex)
        {
            throw new InvalidDataException($"not a valid FHIR R4 {typeof(T).Name}: {ex.Message}", ex);
        }
    }

    /// <summary>The response's body as <typeparamref name="T"/>, read strictly.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken = default)
        where T : Resource
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parse<T>(await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>True for the FHIR JSON media type (with or without parameters such as fhirVersion).</summary>
    public static bool IsFhirJson(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return string.Equals(response.Content.Headers.ContentType?.MediaType, "application/fhir+json", StringComparison.OrdinalIgnoreCase);
    }
}
