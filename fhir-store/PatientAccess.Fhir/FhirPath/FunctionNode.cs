using System.Text.Json;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// The functions of the subset: <c>where(criteria)</c>, <c>exists([criteria])</c>,
/// <c>first()</c>, <c>resolve()</c>, <c>as(T)</c>, <c>ofType(T)</c>, <c>is(T)</c> and
/// <c>extension('url')</c>. Arity and argument kinds are checked by the parser.
/// </summary>
internal sealed class FunctionNode(string name, FhirPathNode? criteria, string? typeArgument, string? urlArgument) : FhirPathNode
{
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "where", "exists", "first", "resolve", "as", "ofType", "is", "extension",
    };

    public string Name { get; } = name;

    public override List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context) => Name switch
    {
        "where" => Where(focus, context),
        "exists" => [FhirPathValues.Boolean(criteria is null ? focus.Count > 0 : Where(focus, context).Count > 0)],
        "first" => focus.Count > 0 ? [focus[0]] : [],
        "resolve" => Resolve(focus, context),
        "as" or "ofType" => FhirTypes.Filter([.. focus], typeArgument!, context.Model),
        "is" => FhirTypes.Is([.. focus], typeArgument!, context.Model),
        "extension" => Extensions(focus, urlArgument!),
        _ => throw new FhirPathException($"Function '{Name}' is not supported."),
    };

    public override string ToString()
    {
        var argument = criteria?.ToUnparenthesizedString() ?? typeArgument ?? (urlArgument is null ? string.Empty : Quote(urlArgument));
        return $"{Name}({argument})";
    }

    internal static string Quote(string text) =>
        "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private List<FhirValue> Where(IReadOnlyList<FhirValue> focus, FhirPathContext context)
    {
        var results = new List<FhirValue>();
        foreach (var item in focus)
        {
            if (FhirPathValues.ToBoolean(criteria!.Evaluate([item], context), "where") == true)
            {
                results.Add(item);
            }
        }

        return results;
    }

    // The store does not load the target: the result stands for it, typed by the reference
    // string (Patient/1, https://host/fhir/Patient/1), by Reference.type, or for a local
    // reference (#id) by the contained resource it names.
    private static List<FhirValue> Resolve(IReadOnlyList<FhirValue> focus, FhirPathContext context)
    {
        var results = new List<FhirValue>();
        foreach (var item in focus)
        {
            var targetType = TargetType(item.Element, context.Resource.Element);
            if (targetType is not null)
            {
                results.Add(new FhirValue(item.Element, targetType) { IsResolvedReference = true });
            }
        }

        return results;
    }

    private static string? TargetType(JsonElement reference, JsonElement resource)
    {
        string? text;
        string? typeHint = null;
        if (reference.ValueKind == JsonValueKind.String)
        {
            text = reference.GetString();
        }
        else if (reference.ValueKind == JsonValueKind.Object)
        {
            text = reference.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            typeHint = reference.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        }
        else
        {
            return null;
        }

        if (text is { Length: > 1 } && text[0] == '#')
        {
            return ContainedType(resource, text[1..]);
        }

        return FhirReference.Parse(text, typeHint)?.ResourceType ?? (text is null ? typeHint : null);
    }

    private static string? ContainedType(JsonElement resource, string id)
    {
        if (resource.ValueKind != JsonValueKind.Object
            || !resource.TryGetProperty("contained", out var contained)
            || contained.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var candidate in contained.EnumerateArray())
        {
            if (candidate.ValueKind == JsonValueKind.Object
                && candidate.TryGetProperty("id", out var candidateId)
                && candidateId.ValueKind == JsonValueKind.String
                && candidateId.ValueEquals(id)
                && candidate.TryGetProperty("resourceType", out var type)
                && type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }
        }

        return null;
    }

    private static List<FhirValue> Extensions(IReadOnlyList<FhirValue> focus, string url)
    {
        var results = new List<FhirValue>();
        foreach (var item in focus)
        {
            if (item.Element.ValueKind == JsonValueKind.Object
                && item.Element.TryGetProperty("extension", out var extensions)
                && extensions.ValueKind == JsonValueKind.Array)
            {
                foreach (var extension in extensions.EnumerateArray())
                {
                    if (extension.ValueKind == JsonValueKind.Object
                        && extension.TryGetProperty("url", out var u)
                        && u.ValueKind == JsonValueKind.String
                        && u.ValueEquals(url))
                    {
                        results.Add(new FhirValue(extension, "Extension"));
                    }
                }
            }
        }

        return results;
    }
}
