using System.Collections.Concurrent;
using System.Text.Json;
using PatientAccess.Fhir.Definitions;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// A parsed FHIRPath expression from the subset the official R4 search parameters use:
/// paths (arrays flatten, choice elements by base name), <c>|</c>, <c>= != and or</c>,
/// <c>is</c>/<c>as</c>, and the functions <c>where exists first resolve as ofType is
/// extension</c>. Anything else fails to parse with a <see cref="FhirPathException"/>.
/// </summary>
public sealed class FhirPathExpression
{
    // Definition expressions are few and fixed; the cap keeps a caller that parses untrusted
    // text from growing the cache without bound.
    private const int CacheLimit = 4096;
    private static readonly ConcurrentDictionary<string, FhirPathExpression> Cache = new(StringComparer.Ordinal);

    private readonly FhirPathNode root;

    private FhirPathExpression(string text, FhirPathNode root)
    {
        Text = text;
        this.root = root;
    }

    /// <summary>The expression as given to <see cref="Parse"/>.</summary>
    public string Text { get; }

    /// <summary>
    /// The type each top-level union branch starts from (<c>Patient</c> for <c>Patient.name</c>),
    /// null for a branch that starts from the focus (<c>value.as(Quantity)</c>).
    /// </summary>
    public IReadOnlyList<string?> BranchRootTypes => [.. Branches(root).Select(b => b.RootTypeName)];

    /// <summary>Parses (once per distinct text: results are cached) or throws <see cref="FhirPathException"/>.</summary>
    public static FhirPathExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (Cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        var parsed = new FhirPathExpression(expression, FhirPathParser.Parse(expression));
        return Cache.Count < CacheLimit ? Cache.GetOrAdd(expression, parsed) : parsed;
    }

    /// <summary>
    /// The official expressions are unions across resource types
    /// (<c>Patient.name | Practitioner.name</c>); this keeps the branches that apply to
    /// <paramref name="resourceType"/>, including those rooted at Resource or DomainResource.
    /// Null when none applies.
    /// </summary>
    public FhirPathExpression? RestrictTo(string resourceType)
    {
        var kept = Branches(root)
            .Where(b => b.RootTypeName is null || b.RootTypeName == resourceType || b.RootTypeName is "Resource" or "DomainResource")
            .ToList();
        if (kept.Count == 0)
        {
            return null;
        }

        var node = kept.Aggregate((l, r) => new BinaryNode(BinaryNode.Union, l, r));
        return new FhirPathExpression(node.ToString(), node);
    }

    /// <summary>Evaluates against a whole resource (its <c>resourceType</c> types the root).</summary>
    public IReadOnlyList<FhirValue> Evaluate(JsonElement resource, FhirTypeModel? model = null)
    {
        var type = resource.ValueKind == JsonValueKind.Object
            && resource.TryGetProperty("resourceType", out var resourceType)
            && resourceType.ValueKind == JsonValueKind.String
                ? resourceType.GetString()
                : null;
        var root = new FhirValue(resource, type);
        return Evaluate(root, root, model);
    }

    /// <summary>
    /// Evaluates with <paramref name="focus"/> as the focus, inside <paramref name="resource"/>;
    /// used for the relative expressions of composite search parameter components.
    /// </summary>
    public IReadOnlyList<FhirValue> Evaluate(FhirValue focus, FhirValue resource, FhirTypeModel? model = null) =>
        root.Evaluate([focus], new FhirPathContext(resource, model ?? FhirTypeModel.Default));

    /// <summary>The canonical, fully parenthesized form of the parsed expression.</summary>
    public override string ToString() => root.ToString();

    private static IEnumerable<FhirPathNode> Branches(FhirPathNode node) =>
        node is BinaryNode { Operator: BinaryNode.Union } union
            ? Branches(union.Left).Concat(Branches(union.Right))
            : [node];
}
