using System.Text;
using System.Text.Json;
using PatientAccess.FhirStore.Search;
using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Api;

/// <summary>
/// A <c>searchset</c> Bundle: self, next and previous links (keyset cursors), matches and
/// includes with their search mode and fullUrl, and an OperationOutcome entry (search mode
/// <c>outcome</c>) naming any parameter that was ignored and any include whose types the token's
/// scopes withheld. Every absolute URL starts with the configured public base.
/// </summary>
internal static class SearchBundle
{
    public static string Write(SearchPage page, SearchQuery query, string baseUrl, IReadOnlyList<KeyValuePair<string, string>> parameters,
        IReadOnlyList<string> ignored, IReadOnlyList<string> withheld)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("resourceType", "Bundle");
            writer.WriteString("id", Guid.NewGuid().ToString("N"));
            writer.WriteString("type", "searchset");
            if (page.Total is { } total)
            {
                writer.WriteNumber("total", total);
            }

            writer.WriteStartArray("link");
            WriteLink(writer, "self", Url(baseUrl, query.ResourceType, parameters, query.After));
            if (page.Next is { } next)
            {
                WriteLink(writer, "next", Url(baseUrl, query.ResourceType, parameters, next));
            }

            if (page.Previous is { } previous)
            {
                WriteLink(writer, "previous", Url(baseUrl, query.ResourceType, parameters, previous));
            }

            writer.WriteEndArray();

            // FHIR JSON forbids empty arrays: a search that found nothing has no "entry" at all.
            var outcome = ignored.Count > 0 || withheld.Count > 0;
            if (page.Matches.Count > 0 || page.Included.Count > 0 || outcome)
            {
                writer.WriteStartArray("entry");
                WriteEntries(writer, page.Matches, "match", baseUrl, query.Elements);
                WriteEntries(writer, page.Included, "include", baseUrl, []);
                if (outcome)
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("resource");
                    OperationOutcomes.Write(writer, ignored.Select(name => ("warning", "not-supported", $"{name}: not a supported search parameter of {query.ResourceType}; ignored"))
                        .Concat(withheld.Select(text => ("warning", "suppressed", text))));
                    writer.WriteStartObject("search");
                    writer.WriteString("mode", "outcome");
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteEntries(Utf8JsonWriter writer, IEnumerable<StoredResource> resources, string mode, string baseUrl, IReadOnlyList<string> elements)
    {
        foreach (var resource in resources)
        {
            writer.WriteStartObject();
            writer.WriteString("fullUrl", $"{baseUrl}/{resource.Type}/{resource.Id}");
            writer.WritePropertyName("resource");
            writer.WriteRawValue(ElementsFilter.Apply(resource.Json, elements), skipInputValidation: true);
            writer.WriteStartObject("search");
            writer.WriteString("mode", mode);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }

    private static void WriteLink(Utf8JsonWriter writer, string relation, string url)
    {
        writer.WriteStartObject();
        writer.WriteString("relation", relation);
        writer.WriteString("url", url);
        writer.WriteEndObject();
    }

    private static string Url(string baseUrl, string type, IReadOnlyList<KeyValuePair<string, string>> parameters, PageCursor? cursor)
    {
        var query = parameters
            .Where(p => p.Key != SearchParser.CursorParameter)
            .Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")
            .ToList();
        if (cursor is not null)
        {
            query.Add($"{SearchParser.CursorParameter}={cursor.Encode()}");
        }

        return query.Count == 0 ? $"{baseUrl}/{type}" : $"{baseUrl}/{type}?{string.Join('&', query)}";
    }
}
