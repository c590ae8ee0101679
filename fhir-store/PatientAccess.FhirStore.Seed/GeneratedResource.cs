using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace PatientAccess.FhirStore.Seed;

/// <summary>One generated FHIR R4 resource. <see cref="Json"/> is a fresh object per enumeration; callers may keep or change it.</summary>
public sealed record GeneratedResource(string ResourceType, string Id, JsonObject Json)
{
    /// <summary>
    /// Non-ASCII letters are written as themselves (José, not Jos\u00E9) so NDJSON stays readable;
    /// HTML-significant characters are still escaped, which costs nothing in FHIR JSON.
    /// </summary>
    internal static JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Indented = false,
    };

    /// <summary>The relative reference other resources use for this one, e.g. <c>Patient/pat-000001</c>.</summary>
    public string Reference => ResourceType + "/" + Id;

    /// <summary>Compact UTF-8 JSON, one line, byte-identical for the same generator options.</summary>
    public byte[] ToUtf8Bytes()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Json.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Json.WriteTo(writer);
    }

    public override string ToString() => Reference;
}
