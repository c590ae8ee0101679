using System.Text.Json;
using PatientAccess.Fhir.Definitions;

namespace PatientAccess.Fhir.Validation;

/// <summary>
/// Validates resources against the official R4 JSON schema (fhir.schema.json, draft-06),
/// compiled once. The resource's <c>resourceType</c> picks the definition to check against
/// (the schema's oneOf over every resource type, dispatched rather than tried branch by branch).
/// Two readings go beyond the letter of JSON Schema, as the FHIR schema means them: complex
/// types must be objects, and the patterns of integer, positiveInt, unsignedInt and decimal
/// are applied to the number as written (so 1.5 is not an integer and 0 not a positiveInt).
/// Thread-safe.
/// </summary>
public sealed class FhirSchemaValidator
{
    /// <summary>Errors past this are not collected: a huge broken resource must not cost a huge report.</summary>
    public const int MaxErrors = 100;

    private static readonly Lazy<FhirSchemaValidator> Embedded = new(() => new FhirSchemaValidator(EmbeddedDefinitions.SchemaRoot));

    private static readonly (JsonTypes Type, string Name)[] TypeNames =
    [
        (JsonTypes.Object, "an object"), (JsonTypes.Array, "an array"), (JsonTypes.String, "a string"),
        (JsonTypes.Number, "a number"), (JsonTypes.Integer, "an integer"), (JsonTypes.Boolean, "a boolean"),
        (JsonTypes.Null, "null"),
    ];

    private readonly SchemaNode root;

    internal FhirSchemaValidator(JsonElement schema)
    {
        root = SchemaCompiler.Compile(schema);
    }

    /// <summary>The validator for the embedded R4 schema.</summary>
    public static FhirSchemaValidator Default => Embedded.Value;

    /// <summary>Every error found (up to <see cref="MaxErrors"/>); empty when the resource is valid.</summary>
    public IReadOnlyList<ValidationError> Validate(JsonElement resource)
    {
        var run = new Run();
        Check(resource, root, run);
        return run.Errors;
    }

    /// <summary>Parses and validates; malformed JSON is reported as an error, not thrown.</summary>
    public IReadOnlyList<ValidationError> Validate(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Validate(document.RootElement);
        }
        catch (JsonException e)
        {
            return [new ValidationError("(resource)", $"malformed JSON: {e.Message}")];
        }
    }

    private static void Check(JsonElement value, SchemaNode node, Run run)
    {
        while (node.Reference is not null)
        {
            node = node.Reference;
        }

        if (run.IsFull)
        {
            return;
        }

        if (node.MissingReference is not null)
        {
            run.Error($"cannot be validated: the schema refers to {node.MissingReference}, which it does not define");
            return;
        }

        if (node.Types != JsonTypes.Any && !HasType(value, node.Types))
        {
            run.Error($"expected {Describe(node.Types)} but found {Describe(value)}");
            return;
        }

        if (node.Const is not null && !(value.ValueKind == JsonValueKind.String && value.ValueEquals(node.Const)))
        {
            run.Error($"expected '{node.Const}' but found {Describe(value)}");
        }

        if (node.Enum is not null && !(value.ValueKind == JsonValueKind.String && node.Enum.Contains(value.GetString()!)))
        {
            run.Error($"{Describe(value)} is not one of: {string.Join(", ", node.Enum.Order(StringComparer.Ordinal))}");
        }

        if (node.Pattern is not null)
        {
            CheckPattern(value, node, run);
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object when node.OneOf is not null:
                CheckOneOf(value, node, run);
                break;
            case JsonValueKind.Object:
                CheckObject(value, node, run);
                break;
            case JsonValueKind.Array when node.Items is not null:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    run.Path.Push(index++);
                    Check(item, node.Items, run);
                    run.Path.Pop();
                }

                break;
            default:
                if (node.OneOf is not null)
                {
                    run.Error($"expected a resource (object) but found {Describe(value)}");
                }

                break;
        }
    }

    private static void CheckPattern(JsonElement value, SchemaNode node, Run run)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is not null && !node.Pattern!.IsMatch(text))
        {
            var shown = text.Length > 60 ? text[..60] + "…" : text;
            run.Error($"'{shown}' does not match pattern {node.PatternText} ({node.Name})");
        }
    }

    private static void CheckObject(JsonElement value, SchemaNode node, Run run)
    {
        if (node.Properties is not null || !node.AdditionalProperties)
        {
            foreach (var property in value.EnumerateObject())
            {
                if (node.Properties is not null && node.Properties.TryGetValue(property.Name, out var propertySchema))
                {
                    run.Path.Push(property.Name);
                    Check(property.Value, propertySchema, run);
                    run.Path.Pop();
                }
                else if (!node.AdditionalProperties)
                {
                    run.Path.Push(property.Name);
                    run.Error($"unknown property: '{property.Name}' is not an element of {node.Name}");
                    run.Path.Pop();
                }
            }
        }

        foreach (var required in node.Required)
        {
            if (!value.TryGetProperty(required, out _))
            {
                run.Error($"missing required property '{required}' ({node.Name})");
            }
        }
    }

    private static void CheckOneOf(JsonElement value, SchemaNode node, Run run)
    {
        if (node.OneOfByResourceType is not null)
        {
            if (!value.TryGetProperty("resourceType", out var resourceType) || resourceType.ValueKind != JsonValueKind.String)
            {
                run.Path.Push("resourceType");
                run.Error("missing: every resource needs a string resourceType");
                run.Path.Pop();
                return;
            }

            var type = resourceType.GetString()!;
            if (!node.OneOfByResourceType.TryGetValue(type, out var branch))
            {
                run.Path.Push("resourceType");
                run.Error($"'{type}' is not a known FHIR R4 resource type");
                run.Path.Pop();
                return;
            }

            // At the top the resource type starts the path (Patient.name[0]); inside a Bundle or
            // contained the path already says where we are.
            var atRoot = run.Path.IsRoot;
            if (atRoot)
            {
                run.Path.Push(type);
            }

            Check(value, branch, run);
            if (atRoot)
            {
                run.Path.Pop();
            }

            return;
        }

        // Generic oneOf, unused by the R4 schema beyond resources: exactly one branch must pass.
        var passing = node.OneOf!.Count(branch =>
        {
            var trial = new Run();
            Check(value, branch, trial);
            return trial.Errors.Count == 0;
        });
        if (passing != 1)
        {
            run.Error($"matches {passing} of the {node.OneOf!.Length} alternatives of {node.Name}, not exactly one");
        }
    }

    private static bool HasType(JsonElement value, JsonTypes types) => value.ValueKind switch
    {
        JsonValueKind.Object => types.HasFlag(JsonTypes.Object),
        JsonValueKind.Array => types.HasFlag(JsonTypes.Array),
        JsonValueKind.String => types.HasFlag(JsonTypes.String),
        JsonValueKind.True or JsonValueKind.False => types.HasFlag(JsonTypes.Boolean),
        JsonValueKind.Null => types.HasFlag(JsonTypes.Null),
        JsonValueKind.Number => types.HasFlag(JsonTypes.Number)
            || (types.HasFlag(JsonTypes.Integer) && value.TryGetDecimal(out var d) && decimal.Truncate(d) == d),
        _ => false,
    };

    private static string Describe(JsonTypes types) =>
        string.Join(" or ", TypeNames.Where(t => types.HasFlag(t.Type)).Select(t => t.Name));

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"string '{Truncate(value.GetString()!)}'",
        JsonValueKind.Number => $"number {Truncate(value.GetRawText())}",
        JsonValueKind.True => "boolean true",
        JsonValueKind.False => "boolean false",
        _ => "null",
    };

    private static string Truncate(string text) => text.Length > 60 ? text[..60] + "…" : text;

    /// <summary>The state of one validation: where we are and what went wrong so far.</summary>
    private sealed class Run
    {
        public ValidationPath Path { get; } = new();

        public List<ValidationError> Errors { get; } = [];

        public bool IsFull => Errors.Count >= MaxErrors;

        public void Error(string message)
        {
            if (!IsFull)
            {
                Errors.Add(new ValidationError(Path.ToString(), message));
            }
        }
    }
}
