using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PatientAccess.Fhir.Compartment;
using PatientAccess.Fhir.Search;
using PatientAccess.Fhir.Validation;
using PatientAccess.MemberContext;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// Checks one incoming resource and turns it into an <see cref="IndexedResource"/>:
/// well-formed JSON, a supported type, a valid id, the official R4 schema; then its
/// search index, the patients whose compartments it belongs to and its sensitivity labels.
/// </summary>
public sealed partial class ResourcePreparer(
    SearchIndexer indexer,
    PatientCompartment compartment,
    FhirSchemaValidator validator,
    SupportedResourceTypes supported)
{
    public PreparedResource Prepare(string json, string? expectedType = null, string? expectedId = null)
    {
        JsonObject? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException ex)
        {
            return PreparedResource.Fail($"malformed JSON: {ex.Message}");
        }

        if (node is null)
        {
            return PreparedResource.Fail("a resource must be a JSON object");
        }

        var type = (node["resourceType"] as JsonValue)?.TryGetValue<string>(out var t) == true ? t : null;
        var id = (node["id"] as JsonValue)?.TryGetValue<string>(out var i) == true ? i : null;
        if (type is null)
        {
            return PreparedResource.Fail("resourceType is missing");
        }

        if (expectedType is not null && type != expectedType)
        {
            return PreparedResource.Fail($"resourceType is {type}, expected {expectedType}");
        }

        if (!supported.Contains(type))
        {
            return PreparedResource.Fail($"{type} is not a resource type this server stores");
        }

        if (id is null || !IdPattern().IsMatch(id))
        {
            return PreparedResource.Fail("id is missing or is not a FHIR id (1-64 of A-Z a-z 0-9 - .)");
        }

        if (expectedId is not null && id != expectedId)
        {
            return PreparedResource.Fail($"id is {id}, expected {expectedId}");
        }

        var content = ResourceMeta.WithoutServerFields(node);
        using var document = JsonDocument.Parse(content);
        var errors = validator.Validate(document.RootElement);
        if (errors.Count > 0)
        {
            return PreparedResource.Fail(string.Join("; ", errors.Take(10).Select(e => e.ToString())));
        }

        var entries = indexer.Index(document.RootElement, type);
        return PreparedResource.Ok(new IndexedResource(type, id, content, entries, Patients(type, id, entries), Labels(document.RootElement)));
    }

    private List<string> Patients(string type, string id, IReadOnlyList<SearchIndexEntry> entries)
    {
        var links = compartment.GetLinkParameters(type);
        var patients = entries.OfType<ReferenceIndexEntry>()
            .Where(r => r.ResourceType == "Patient" && r.Id is not null && links.Contains(r.Code))
            .Select(r => r.Id!)
            .ToHashSet(StringComparer.Ordinal);
        if (type == "Patient")
        {
            patients.Add(id);
        }

        return [.. patients];
    }

    private static List<string> Labels(JsonElement resource)
    {
        var labels = new List<string>();
        if (resource.TryGetProperty("meta", out var meta) && meta.TryGetProperty("security", out var security)
            && security.ValueKind == JsonValueKind.Array)
        {
            foreach (var coding in security.EnumerateArray())
            {
                if (coding.TryGetProperty("system", out var system) && system.ValueEquals(SensitiveCategories.System)
                    && coding.TryGetProperty("code", out var code) && code.GetString() is { } value
                    && SensitiveCategories.All.Contains(value) && !labels.Contains(value))
                {
                    labels.Add(value);
                }
            }
        }

        return labels;
    }

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}$")]
    private static partial Regex IdPattern();
}
