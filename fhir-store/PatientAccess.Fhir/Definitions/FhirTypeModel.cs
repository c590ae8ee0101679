using System.Collections.Frozen;
using System.Text.Json;

namespace PatientAccess.Fhir.Definitions;

/// <summary>
/// The element types of every FHIR type, read from the official JSON schema. FHIRPath needs
/// them to know that <c>Patient.name</c> is a HumanName and that <c>Observation.value</c> is the
/// choice element behind <c>valueQuantity</c>, <c>valueString</c>, ...
/// </summary>
public sealed class FhirTypeModel
{
    private const string DefinitionPrefix = "#/definitions/";

    private static readonly Lazy<FhirTypeModel> Embedded = new(() => new FhirTypeModel(EmbeddedDefinitions.SchemaRoot));

    private readonly FrozenDictionary<string, FrozenDictionary<string, FhirElementDefinition>> elements;
    private readonly FrozenDictionary<string, FrozenDictionary<string, FhirElementDefinition[]>> choices;

    internal FhirTypeModel(JsonElement schema)
    {
        var definitions = schema.GetProperty("definitions");
        var primitives = definitions.EnumerateObject()
            .Select(d => d.Name)
            .Where(n => char.IsLower(n[0]))
            .OrderByDescending(n => n.Length)
            .ToArray();
        var allElements = new Dictionary<string, FrozenDictionary<string, FhirElementDefinition>>(StringComparer.Ordinal);
        var allChoices = new Dictionary<string, FrozenDictionary<string, FhirElementDefinition[]>>(StringComparer.Ordinal);
        foreach (var definition in definitions.EnumerateObject())
        {
            if (!definition.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }

            var typeElements = new Dictionary<string, FhirElementDefinition>(StringComparer.Ordinal);
            foreach (var property in properties.EnumerateObject())
            {
                // "_x" holds the id/extensions of primitive x, and resourceType is a discriminator, not an element.
                if (property.Name.StartsWith('_') || property.Name == "resourceType")
                {
                    continue;
                }

                var isArray = property.Value.TryGetProperty("items", out var items);
                var typeName = TypeOf(isArray ? items : property.Value) ?? InlinePrimitive(property.Name, primitives);
                if (typeName is not null)
                {
                    typeElements[property.Name] = new FhirElementDefinition(property.Name, typeName, isArray);
                }
            }

            allElements[definition.Name] = typeElements.ToFrozenDictionary(StringComparer.Ordinal);
            allChoices[definition.Name] = FindChoices(typeElements);
        }

        elements = allElements.ToFrozenDictionary(StringComparer.Ordinal);
        choices = allChoices.ToFrozenDictionary(StringComparer.Ordinal);
        // A resource is a definition whose resourceType is a const; the distributed schema's
        // discriminator also lists some non-resource (backbone) types.
        ResourceTypes = definitions.EnumerateObject()
            .Where(d => d.Value.TryGetProperty("properties", out var p)
                && p.TryGetProperty("resourceType", out var r)
                && r.TryGetProperty("const", out _))
            .Select(d => d.Name)
            .ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The model built from the embedded R4 schema.</summary>
    public static FhirTypeModel Default => Embedded.Value;

    /// <summary>Every resource type the schema defines.</summary>
    public IReadOnlySet<string> ResourceTypes { get; }

    public bool IsKnownType(string typeName) => elements.ContainsKey(typeName);

    /// <summary>Looks up a declared element (never a choice element's base name).</summary>
    public bool TryGetElement(string typeName, string name, out FhirElementDefinition element)
    {
        element = default;
        return elements.TryGetValue(typeName, out var typeElements) && typeElements.TryGetValue(name, out element);
    }

    /// <summary>The concrete elements of choice element <paramref name="baseName"/> (value[x]), or none.</summary>
    public IReadOnlyList<FhirElementDefinition> GetChoiceElements(string typeName, string baseName) =>
        choices.TryGetValue(typeName, out var typeChoices) && typeChoices.TryGetValue(baseName, out var found)
            ? found
            : [];

    private static string? TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var target = reference.GetString()!;
            return target.StartsWith(DefinitionPrefix, StringComparison.Ordinal) ? target[DefinitionPrefix.Length..] : null;
        }

        // Bound codes are written inline as enums; everything else refers to a definition.
        return schema.TryGetProperty("enum", out _) ? "code" : null;
    }

    // Primitive choice elements are written inline (pattern and JSON type) rather than as a
    // $ref; their name still ends in the type: effectiveDateTime, deceasedBoolean. Longest
    // name first, so DateTime wins over Time.
    private static string? InlinePrimitive(string propertyName, string[] primitives)
    {
        foreach (var primitive in primitives)
        {
            var suffix = char.ToUpperInvariant(primitive[0]) + primitive[1..];
            if (propertyName.Length > suffix.Length && propertyName.EndsWith(suffix, StringComparison.Ordinal))
            {
                return primitive;
            }
        }

        return null;
    }

    // The schema does not mark choice elements; their JSON names are the base name followed by
    // the type name (valueQuantity -> Quantity, onsetDateTime -> dateTime), and they never repeat.
    private static FrozenDictionary<string, FhirElementDefinition[]> FindChoices(Dictionary<string, FhirElementDefinition> typeElements)
    {
        var groups = new Dictionary<string, List<FhirElementDefinition>>(StringComparer.Ordinal);
        foreach (var element in typeElements.Values)
        {
            var suffixLength = element.TypeName.Length;
            if (element.IsArray || element.Name.Length <= suffixLength)
            {
                continue;
            }

            var baseName = element.Name[..^suffixLength];
            var suffix = element.Name[^suffixLength..];
            var isChoiceName = char.IsUpper(suffix[0])
                && string.Equals(suffix[1..], element.TypeName[1..], StringComparison.Ordinal)
                && char.ToUpperInvariant(element.TypeName[0]) == suffix[0]
                && !typeElements.ContainsKey(baseName);
            if (isChoiceName)
            {
                if (!groups.TryGetValue(baseName, out var group))
                {
                    groups[baseName] = group = [];
                }

                group.Add(element);
            }
        }

        return groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }
}
