using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using PatientAccess.Fhir.Definitions;
using PatientAccess.Fhir.FhirPath;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// The official R4 search parameters of the resource types the store serves, from the
/// embedded definitions. Every expression is parsed when the registry loads, so an expression
/// outside the supported FHIRPath subset fails at start-up, not at the first search.
/// </summary>
public sealed class SearchParameterRegistry
{
    private static readonly Lazy<SearchParameterRegistry> Embedded = new(() =>
    {
        using var document = EmbeddedDefinitions.Load(EmbeddedDefinitions.SearchParameters);
        return new SearchParameterRegistry(document.RootElement);
    });

    private readonly FrozenDictionary<string, FrozenDictionary<string, SearchParameterDefinition>> byType;
    private readonly FrozenDictionary<string, SearchParameterDefinition[]> ordered;

    internal SearchParameterRegistry(JsonElement definitions)
    {
        var parameters = definitions.GetProperty("searchParameters").EnumerateArray().ToList();
        var commonBases = new[] { "Resource", "DomainResource" };
        var types = parameters
            .SelectMany(p => p.GetProperty("base").EnumerateArray().Select(b => b.GetString()!))
            .Where(b => !commonBases.Contains(b))
            .ToHashSet(StringComparer.Ordinal);

        var table = types.ToDictionary(t => t, _ => new Dictionary<string, SearchParameterDefinition>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var bases = parameter.GetProperty("base").EnumerateArray().Select(b => b.GetString()!).ToList();
            var appliesTo = bases.Exists(commonBases.Contains) ? types : bases.Where(types.Contains);
            foreach (var type in appliesTo)
            {
                var definition = Create(parameter, type);
                if (definition is not null && !table[type].TryAdd(definition.Code, definition))
                {
                    throw new InvalidOperationException($"Search parameter '{type}.{definition.Code}' is defined twice.");
                }
            }
        }

        byType = table.ToFrozenDictionary(
            t => t.Key,
            t => t.Value.ToFrozenDictionary(StringComparer.Ordinal),
            StringComparer.Ordinal);
        ordered = byType.ToFrozenDictionary(
            t => t.Key,
            t => t.Value.Values.OrderBy(d => d.Code, StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        ResourceTypes = byType.Keys.ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The registry built from the embedded R4 definitions.</summary>
    public static SearchParameterRegistry Default => Embedded.Value;

    /// <summary>The resource types with search parameters here (the store's first-class types).</summary>
    public IReadOnlySet<string> ResourceTypes { get; }

    /// <summary>Looks up a parameter by type and code, the common ones (<c>_id</c>, ...) included.</summary>
    public bool TryGet(string resourceType, string code, [NotNullWhen(true)] out SearchParameterDefinition? definition)
    {
        definition = null;
        return byType.TryGetValue(resourceType, out var codes) && codes.TryGetValue(code, out definition);
    }

    /// <summary>Finds the parameter a composite component names by canonical URL.</summary>
    public bool TryGetByUrl(string resourceType, string url, [NotNullWhen(true)] out SearchParameterDefinition? definition)
    {
        definition = byType.TryGetValue(resourceType, out var codes)
            ? codes.Values.FirstOrDefault(d => d.Url == url)
            : null;
        return definition is not null;
    }

    /// <summary>Every parameter of <paramref name="resourceType"/>, ordered by code; empty for an unknown type.</summary>
    public IReadOnlyList<SearchParameterDefinition> GetAll(string resourceType) =>
        ordered.TryGetValue(resourceType, out var parameters) ? parameters : [];

    private static SearchParameterDefinition? Create(JsonElement parameter, string resourceType)
    {
        var code = parameter.GetProperty("code").GetString()!;
        FhirPathExpression? expression = null;
        if (parameter.TryGetProperty("expression", out var text))
        {
            try
            {
                expression = FhirPathExpression.Parse(text.GetString()!).RestrictTo(resourceType);
            }
            catch (FhirPathException e)
            {
                throw new InvalidOperationException($"Search parameter '{resourceType}.{code}': {e.Message}", e);
            }

            // The parameter lists this type as a base but none of its branches applies to it.
            if (expression is null)
            {
                return null;
            }
        }

        return new SearchParameterDefinition(
            resourceType,
            code,
            Enum.Parse<SearchParamType>(parameter.GetProperty("type").GetString()!, ignoreCase: true),
            parameter.GetProperty("url").GetString()!,
            expression,
            Strings(parameter, "target"),
            Strings(parameter, "modifier"),
            Strings(parameter, "comparator"),
            Boolean(parameter, "multipleOr"),
            Boolean(parameter, "multipleAnd"),
            Components(parameter));
    }

    private static string[] Strings(JsonElement parameter, string name) =>
        parameter.TryGetProperty(name, out var values)
            ? [.. values.EnumerateArray().Select(v => v.GetString()!)]
            : [];

    private static bool? Boolean(JsonElement parameter, string name) =>
        parameter.TryGetProperty(name, out var value) ? value.GetBoolean() : null;

    private static SearchParameterComponent[] Components(JsonElement parameter) =>
        parameter.TryGetProperty("component", out var components)
            ? [.. components.EnumerateArray().Select(c => new SearchParameterComponent(
                c.GetProperty("definition").GetString()!,
                FhirPathExpression.Parse(c.GetProperty("expression").GetString()!)))]
            : [];
}
