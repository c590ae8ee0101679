using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// meta.versionId and meta.lastUpdated belong to the server: set on write, ignored on input.
/// Written with Utf8JsonWriter over the parsed document, the cheapest correct rewrite.
/// </summary>
public static class ResourceMeta
{
    // Names like Núñez stay readable; the content type is JSON, never HTML, so the
    // HTML-safe escaping of the default encoder buys nothing here.
    private static readonly JsonWriterOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The resource with the server's version fields set, resourceType, id and meta first.</summary>
    public static string Stamp(string json, int version, DateTimeOffset lastUpdated)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        return Stamp(document.RootElement, version, lastUpdated);
    }

    /// <summary>The same, from a document already parsed (import parses each line once).</summary>
    public static string Stamp(JsonElement resource, int version, DateTimeOffset lastUpdated) =>
        Write(resource, writer =>
        {
            writer.WriteString("versionId", version.ToString(CultureInfo.InvariantCulture));
            writer.WriteString("lastUpdated", lastUpdated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }, alwaysMeta: true);

    internal static bool HasServerFields(JsonElement resource) =>
        resource.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
        && (meta.TryGetProperty("versionId", out _) || meta.TryGetProperty("lastUpdated", out _));

    /// <summary>Millisecond precision: what FHIR instants carry, so the stored tick matches meta.lastUpdated exactly.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    /// <summary>The content without server-owned fields, which is what "unchanged" compares.</summary>
    internal static string WithoutServerFields(JsonElement resource) => Write(resource, _ => { }, alwaysMeta: false);

    private static string Write(JsonElement resource, Action<Utf8JsonWriter> serverFields, bool alwaysMeta)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Output))
        {
            writer.WriteStartObject();
            foreach (var name in new[] { "resourceType", "id" })
            {
                if (resource.TryGetProperty(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            var meta = resource.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
            var kept = meta?.EnumerateObject().Where(p => p.Name is not ("versionId" or "lastUpdated")).ToList() ?? [];
            if (alwaysMeta || kept.Count > 0)
            {
                writer.WriteStartObject("meta");
                serverFields(writer);
                foreach (var property in kept)
                {
                    property.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            foreach (var property in resource.EnumerateObject())
            {
                if (property.Name is not ("resourceType" or "id" or "meta"))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
