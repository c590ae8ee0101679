using System.Text.Json;
using PatientAccess.Monitor.Search;

namespace PatientAccess.Monitor.Api;

/// <summary>
/// Writes the <c>searchset</c> Bundle around the stored AuditEvents' JSON as it is, without parsing
/// or re-serializing them: each was serialized by Firely's model once, when stored.
/// </summary>
internal static class SearchBundleWriter
{
    public static async Task WriteAsync(Stream body, string baseUrl, AuditQuery query, IReadOnlyList<string> resources, AuditCursor? next, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(body);
        writer.WriteStartObject();
        writer.WriteString("resourceType", "Bundle");
        writer.WriteString("type", "searchset");
        writer.WriteStartArray("link");
        WriteLink(writer, "self", Link(baseUrl, query, query.After));
        if (next is not null)
        {
            WriteLink(writer, "next", Link(baseUrl, query, next));
        }

        writer.WriteEndArray();
        if (resources.Count > 0)
        {
            writer.WriteStartArray("entry");
            foreach (var json in resources)
            {
                using var document = JsonDocument.Parse(json);
                writer.WriteStartObject();
                writer.WriteString("fullUrl", $"{baseUrl}/AuditEvent/{document.RootElement.GetProperty("id").GetString()}");
                writer.WritePropertyName("resource");
                writer.WriteRawValue(json, skipInputValidation: true);
                writer.WriteStartObject("search");
                writer.WriteString("mode", "match");
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void WriteLink(Utf8JsonWriter writer, string relation, string url)
    {
        writer.WriteStartObject();
        writer.WriteString("relation", relation);
        writer.WriteString("url", url);
        writer.WriteEndObject();
    }

    private static string Link(string baseUrl, AuditQuery query, AuditCursor? cursor)
    {
        var parameters = query.Parameters.Where(p => p.Key != "_count").ToList();
        parameters.Add(new("_count", query.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (cursor is not null)
        {
            parameters.Add(new(AuditQueryParser.CursorParameter, cursor.ToString()));
        }

        return $"{baseUrl}/AuditEvent?" + string.Join("&", parameters.Select(p => Uri.EscapeDataString(p.Key).Replace("%3A", ":", StringComparison.Ordinal) + "=" + Uri.EscapeDataString(p.Value)));
    }
}
