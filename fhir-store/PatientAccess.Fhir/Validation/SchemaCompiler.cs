using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PatientAccess.Fhir.Validation;

/// <summary>
/// Compiles the subset of JSON Schema draft-06 the FHIR R4 schema uses: <c>$ref</c> to
/// <c>#/definitions/...</c>, <c>oneOf</c>, <c>properties</c>, <c>additionalProperties: false</c>,
/// <c>required</c>, <c>type</c>, <c>enum</c>, <c>const</c>, <c>pattern</c> and <c>items</c>.
/// Any other keyword stops compilation: a schema rule that would be skipped silently is a
/// validation hole.
/// </summary>
internal sealed class SchemaCompiler
{
    private const string DefinitionPrefix = "#/definitions/";

    // Annotations that do not constrain instances. The discriminator is OpenAPI's, not JSON
    // Schema's; the oneOf dispatch below derives the same mapping from the branches themselves.
    private static readonly FrozenSet<string> Annotations =
        new[] { "description", "$schema", "id", "discriminator", "definitions", "title" }.ToFrozenSet(StringComparer.Ordinal);

    private readonly Dictionary<string, SchemaNode> definitions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Regex> patterns = new(StringComparer.Ordinal);
    private readonly List<SchemaNode> oneOfNodes = [];

    public static SchemaNode Compile(JsonElement schema)
    {
        var compiler = new SchemaCompiler();
        var all = schema.GetProperty("definitions");
        foreach (var definition in all.EnumerateObject())
        {
            compiler.definitions[definition.Name] = new SchemaNode(definition.Name);
        }

        foreach (var definition in all.EnumerateObject())
        {
            compiler.Fill(compiler.definitions[definition.Name], definition.Value, "#/definitions/" + definition.Name);
        }

        var root = new SchemaNode("(resource)");
        compiler.Fill(root, schema, "#");
        foreach (var node in compiler.oneOfNodes)
        {
            node.OneOfByResourceType = ResourceDispatch(node.OneOf!);
        }

        return root;
    }

    // Branches without a resourceType const cannot be chosen by a resourceType and are left
    // out: the distributed schema lists some of Medplum's backbone types (ViewDefinitionSelect,
    // ProjectSetting, ...) among the resources.
    private static FrozenDictionary<string, SchemaNode>? ResourceDispatch(SchemaNode[] branches)
    {
        var map = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            var target = Resolve(branch);
            if (target.Properties is not null
                && target.Properties.TryGetValue("resourceType", out var resourceType)
                && Resolve(resourceType).Const is { } type)
            {
                map.TryAdd(type, target);
            }
        }

        return map.Count > 0 ? map.ToFrozenDictionary(StringComparer.Ordinal) : null;
    }

    private static SchemaNode Resolve(SchemaNode node)
    {
        while (node.Reference is not null)
        {
            node = node.Reference;
        }

        return node;
    }

    private SchemaNode CompileSubschema(JsonElement schema, string path)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            return Lookup(reference, path);
        }

        var node = new SchemaNode(path);
        Fill(node, schema, path);
        return node;
    }

    private SchemaNode Lookup(JsonElement reference, string path)
    {
        var target = reference.GetString() ?? string.Empty;
        if (!target.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Schema {path}: $ref '{target}' is not supported (only {DefinitionPrefix}...).");
        }

        if (!definitions.TryGetValue(target[DefinitionPrefix.Length..], out var node))
        {
            // The distributed schema has a few dangling refs, all inside Medplum's own types
            // (#/definitions/Resource, #/definitions/integer64). Such a value is reported as
            // unverifiable when met rather than failing the whole schema or passing unchecked.
            node = new SchemaNode(target) { MissingReference = target };
            definitions[target[DefinitionPrefix.Length..]] = node;
        }

        return node;
    }

    private void Fill(SchemaNode node, JsonElement schema, string path)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"Schema {path}: expected an object (boolean schemas are not supported).");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            node.Reference = Lookup(reference, path);
            return;
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case var annotation when Annotations.Contains(annotation):
                    break;
                case "type":
                    node.Types = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Aggregate(JsonTypes.Any, (all, t) => all | ParseType(t, path))
                        : ParseType(value, path);
                    break;
                case "pattern":
                    node.PatternText = value.GetString()!;
                    node.Pattern = CompilePattern(node.PatternText);
                    break;
                case "const":
                    node.Const = StringValue(value, path, "const");
                    break;
                case "enum":
                    node.Enum = value.EnumerateArray().Select(v => StringValue(v, path, "enum")).ToFrozenSet(StringComparer.Ordinal);
                    break;
                case "properties":
                    node.Properties = value.EnumerateObject().ToFrozenDictionary(
                        p => p.Name, p => CompileSubschema(p.Value, $"{path}/properties/{p.Name}"), StringComparer.Ordinal);
                    break;
                case "additionalProperties":
                    node.AdditionalProperties = value.ValueKind switch
                    {
                        JsonValueKind.False => false,
                        JsonValueKind.True => true,
                        _ => throw new InvalidOperationException($"Schema {path}: only additionalProperties true/false is supported."),
                    };
                    break;
                case "required":
                    node.Required = [.. value.EnumerateArray().Select(v => v.GetString()!)];
                    break;
                case "items":
                    node.Items = CompileSubschema(value, path + "/items");
                    break;
                case "oneOf":
                    node.OneOf = [.. value.EnumerateArray().Select((b, i) => CompileSubschema(b, $"{path}/oneOf/{i}"))];
                    oneOfNodes.Add(node);
                    break;
                default:
                    throw new InvalidOperationException($"Schema {path}: keyword '{keyword.Name}' is not supported by this validator.");
            }
        }

        // The R4 schema leaves "type": "object" off its complex types; without it a string where
        // a HumanName belongs would pass, since properties only constrain objects.
        if (node.Types == JsonTypes.Any && node.Properties is not null)
        {
            node.Types = JsonTypes.Object;
        }
    }

    private Regex CompilePattern(string pattern)
    {
        if (!patterns.TryGetValue(pattern, out var regex))
        {
            // JSON Schema patterns are ECMA-262, where a final '$' means end of input; .NET's
            // also matches before a trailing newline, which would let "abc\n" pass as an id.
            var dotnetPattern = pattern.EndsWith('$') && !pattern.EndsWith("\\$", StringComparison.Ordinal)
                ? pattern[..^1] + "\\z"
                : pattern;

            // Non-backtracking: some FHIR patterns (base64Binary's nested \s* groups) backtrack
            // exponentially on crafted input, and every imported string goes through them.
            regex = new Regex(dotnetPattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
            patterns[pattern] = regex;
        }

        return regex;
    }

    private static JsonTypes ParseType(JsonElement type, string path) => type.GetString() switch
    {
        "object" => JsonTypes.Object,
        "array" => JsonTypes.Array,
        "string" => JsonTypes.String,
        "number" => JsonTypes.Number,
        "integer" => JsonTypes.Integer,
        "boolean" => JsonTypes.Boolean,
        "null" => JsonTypes.Null,
        var other => throw new InvalidOperationException($"Schema {path}: unknown type '{other}'."),
    };

    private static string StringValue(JsonElement value, string path, string keyword) =>
        value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidOperationException($"Schema {path}: only string values are supported in '{keyword}'.");
}
