using System.Text.Json;
using PatientAccess.Fhir.Definitions;
using PatientAccess.Fhir.FhirPath;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// Turns a resource into the index entries of its search parameters: each parameter's
/// expression selects values, and each value is read according to the parameter's type and
/// the value's FHIR data type, as the R4 search spec lays out (token on a CodeableConcept is
/// each coding, string on a HumanName is its family, given, prefix, suffix and text, ...).
/// Composite parameters are not indexed here: their components are indexed as the parameters
/// they name. Special parameters (Location.near) and the expression-less _text, _content and
/// _query are not indexed either.
/// </summary>
public sealed class SearchIndexer
{
    private readonly SearchParameterRegistry registry;
    private readonly FhirTypeModel model;

    public SearchIndexer(SearchParameterRegistry registry, FhirTypeModel model)
    {
        this.registry = registry;
        this.model = model;
    }

    /// <summary>An indexer over the embedded R4 definitions.</summary>
    public SearchIndexer()
        : this(SearchParameterRegistry.Default, FhirTypeModel.Default)
    {
    }

    /// <summary>
    /// The distinct entries of every indexable search parameter of <paramref name="resource"/>,
    /// in parameter order. Values that do not fit their parameter (a malformed date, a string
    /// where a quantity belongs) are left out rather than failing the resource: validation is
    /// the place that rejects bad data.
    /// </summary>
    public IReadOnlyList<SearchIndexEntry> Index(JsonElement resource, string resourceType)
    {
        if (resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("resourceType", out var actualType)
            || !actualType.ValueEquals(resourceType))
        {
            throw new ArgumentException($"The resource is not a {resourceType}.", nameof(resource));
        }

        var root = new FhirValue(resource, resourceType);
        var entries = new List<SearchIndexEntry>();
        var seen = new HashSet<SearchIndexEntry>();
        foreach (var parameter in registry.GetAll(resourceType))
        {
            if (parameter.Expression is null || parameter.Type is SearchParamType.Composite or SearchParamType.Special)
            {
                continue;
            }

            foreach (var value in parameter.Expression.Evaluate(root, root, model))
            {
                foreach (var entry in Read(parameter, value))
                {
                    if (seen.Add(entry))
                    {
                        entries.Add(entry);
                    }
                }
            }
        }

        return entries;
    }

    private static IEnumerable<SearchIndexEntry> Read(SearchParameterDefinition parameter, FhirValue value) => parameter.Type switch
    {
        SearchParamType.Token => SearchValueReader.Tokens(parameter.Code, value),
        SearchParamType.String => SearchValueReader.Strings(parameter.Code, value),
        SearchParamType.Date => SearchValueReader.Dates(parameter.Code, value),
        SearchParamType.Reference => SearchValueReader.References(parameter.Code, value),
        SearchParamType.Uri => SearchValueReader.Uris(parameter.Code, value),
        SearchParamType.Number => SearchValueReader.Numbers(parameter.Code, value),
        SearchParamType.Quantity => SearchValueReader.Quantities(parameter.Code, value),
        _ => [],
    };
}
