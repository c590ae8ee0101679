using System.Text.Json;
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
    /// <param name="json">One resource.</param>
    /// <param name="expectedType">The type the input declared, if any.</param>
    /// <param name="stampAt">When set, the resource is also stamped as version 1 at that time
    /// (see <see cref="IndexedResource.FirstVersionJson"/>), from the document parsed here.</param>
    public PreparedResource Prepare(string json, string? expectedType = null, DateTimeOffset? stampAt = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            return PreparedResource.Fail($"malformed JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return PreparedResource.Fail("a resource must be a JSON object");
            }

            var type = StringProperty(root, "resourceType");
            var id = StringProperty(root, "id");
            if (Check(type, id, expectedType) is { } problem)
            {
                return PreparedResource.Fail(problem);
            }

            var errors = validator.Validate(root);
            if (errors.Count > 0)
            {
                return PreparedResource.Fail(string.Join("; ", errors.Take(10).Select(e => e.ToString())));
            }

            // meta.versionId and meta.lastUpdated are the server's; the stored content is
            // the resource without them, so re-importing it counts as unchanged.
            var content = ResourceMeta.HasServerFields(root) ? ResourceMeta.WithoutServerFields(root) : json;
            var entries = indexer.Index(root, type!);
            return PreparedResource.Ok(new IndexedResource(type!, id!, content, entries, Patients(type!, id!, entries), Labels(root))
            {
                FirstVersionJson = stampAt is { } at ? ResourceMeta.Stamp(root, 1, at) : null,
                StampedAt = stampAt ?? default,
            });
        }
    }

    private string? Check(string? type, string? id, string? expectedType)
    {
        if (type is null)
        {
            return "resourceType is missing";
        }

        if (expectedType is not null && type != expectedType)
        {
            return $"resourceType is {type}, expected {expectedType}";
        }

        if (!supported.Contains(type))
        {
            return $"{type} is not a resource type this server stores";
        }

        if (id is null || !IdPattern().IsMatch(id))
        {
            return "id is missing or is not a FHIR id (1-64 of A-Z a-z 0-9 - .)";
        }

        return null;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

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
