using System.Text.Json;
using System.Text.RegularExpressions;
using PatientAccess.Fhir.Search;
using PatientAccess.Fhir.Validation;

namespace PatientAccess.FhirStore.Storage;

/// <summary>
/// Checks one incoming resource and turns it into an <see cref="IndexedResource"/>:
/// well-formed JSON, a supported type, a valid id, the official R4 schema; then its
/// search index, the patients whose own record it is and its sensitivity labels (<see cref="AccessFacts"/>).
/// </summary>
public sealed partial class ResourcePreparer(
    SearchIndexer indexer,
    AccessFacts facts,
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
            return PreparedResource.Ok(new IndexedResource(type!, id!, content, entries, facts.Patients(type!, id!, entries), AccessFacts.Labels(entries))
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

    /// <summary>Whether <paramref name="id"/> is a FHIR id; the API refuses any other before it reaches the database.</summary>
    public static bool IsId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9\\-\\.]{1,64}\\z")]
    private static partial Regex IdPattern();
}
