using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PatientAccess.FhirStore.Storage;

/// <summary>meta.versionId and meta.lastUpdated belong to the server: set on write, ignored on input.</summary>
internal static class ResourceMeta
{
    // Names like Núñez stay readable; the content type is JSON, never HTML, so the
    // HTML-safe escaping of the default encoder buys nothing here.
    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Stamp(string json, int version, DateTimeOffset lastUpdated)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var meta = node["meta"] as JsonObject ?? new JsonObject();
        node.Remove("meta");
        meta["versionId"] = version.ToString(CultureInfo.InvariantCulture);
        meta["lastUpdated"] = lastUpdated.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        // Keep resourceType and id first, as FHIR JSON is usually read.
        var ordered = new JsonObject();
        foreach (var name in new[] { "resourceType", "id" })
        {
            if (node.TryGetPropertyValue(name, out var value))
            {
                node.Remove(name);
                ordered[name] = value;
            }
        }

        ordered["meta"] = meta;
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            ordered[name] = value;
        }

        return ordered.ToJsonString(Output);
    }

    /// <summary>The content without server-owned fields, which is what "unchanged" compares.</summary>
    public static string WithoutServerFields(JsonObject resource)
    {
        if (resource["meta"] is JsonObject meta)
        {
            meta.Remove("versionId");
            meta.Remove("lastUpdated");
            if (meta.Count == 0)
            {
                resource.Remove("meta");
            }
        }

        return resource.ToJsonString(Output);
    }
}
