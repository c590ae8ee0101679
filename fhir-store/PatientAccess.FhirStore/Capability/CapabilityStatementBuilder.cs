using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using PatientAccess.Fhir.Search;
using PatientAccess.FhirStore.Storage;

namespace PatientAccess.FhirStore.Capability;

/// <summary>
/// The CapabilityStatement, generated from what the server really does: the supported
/// types, their interactions, and each one's official search parameters that the search
/// engine implements (composite and special ones are left out because they are not).
/// </summary>
public sealed class CapabilityStatementBuilder(SearchParameterRegistry registry)
{
    private static readonly string[] ResultParameters = ["_count", "_sort", "_include", "_revinclude", "_summary", "_elements", "_total"];
    private readonly ConcurrentDictionary<string, string> _byBase = new(StringComparer.Ordinal);

    public string Build(string baseUrl) => _byBase.GetOrAdd(baseUrl, Render);

    private string Render(string baseUrl)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("resourceType", "CapabilityStatement");
            w.WriteString("status", "active");
            w.WriteString("date", "2026-11-22");
            w.WriteString("kind", "instance");
            w.WriteStartObject("software");
            w.WriteString("name", "PatientAccess FHIR store");
            w.WriteEndObject();
            w.WriteStartObject("implementation");
            w.WriteString("description", "PatientAccess FHIR R4 store (read-only to apps)");
            w.WriteString("url", baseUrl);
            w.WriteEndObject();
            w.WriteString("fhirVersion", "4.0.1");
            w.WriteStartArray("format");
            w.WriteStringValue("json");
            w.WriteStringValue("application/fhir+json");
            w.WriteEndArray();
            w.WriteStartArray("rest");
            w.WriteStartObject();
            w.WriteString("mode", "server");
            w.WriteStartArray("resource");
            foreach (var type in SupportedResourceTypes.All)
            {
                WriteResource(w, type);
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private void WriteResource(Utf8JsonWriter w, string type)
    {
        w.WriteStartObject();
        w.WriteString("type", type);
        w.WriteStartArray("interaction");
        foreach (var code in new[] { "read", "vread", "search-type" })
        {
            w.WriteStartObject();
            w.WriteString("code", code);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("versioning", "versioned");
        w.WriteBoolean("readHistory", false);
        // FHIR JSON forbids empty arrays: a type with no reference parameter lists no searchInclude.
        var includes = Searchable(type).Where(p => p.Type == SearchParamType.Reference).Select(reference => $"{type}:{reference.Code}").ToList();
        if (includes.Count > 0)
        {
            w.WriteStartArray("searchInclude");
            foreach (var include in includes)
            {
                w.WriteStringValue(include);
            }

            w.WriteEndArray();
        }
        w.WriteStartArray("searchParam");
        foreach (var parameter in Searchable(type))
        {
            w.WriteStartObject();
            w.WriteString("name", parameter.Code);
            w.WriteString("definition", parameter.Url);
            w.WriteString("type", parameter.Type.ToString().ToLowerInvariant());
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private IEnumerable<SearchParameterDefinition> Searchable(string type) =>
        registry.GetAll(type)
            .Where(p => p.Type is not (SearchParamType.Composite or SearchParamType.Special) && p.Expression is not null || p.Code == "_id" || p.Code == "_lastUpdated")
            .Where(p => !ResultParameters.Contains(p.Code))
            .OrderBy(p => p.Code, StringComparer.Ordinal);
}
