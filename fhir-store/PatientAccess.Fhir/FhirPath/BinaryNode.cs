namespace PatientAccess.Fhir.FhirPath;

/// <summary>The binary operators of the subset: <c>|</c>, <c>=</c>, <c>!=</c>, <c>and</c>, <c>or</c>.</summary>
internal sealed class BinaryNode(string op, FhirPathNode left, FhirPathNode right) : FhirPathNode
{
    public const string Union = "|";

    public string Operator { get; } = op;

    public FhirPathNode Left { get; } = left;

    public FhirPathNode Right { get; } = right;

    public override string? RootTypeName
    {
        get
        {
            var l = Left.RootTypeName;
            var r = Right.RootTypeName;
            return l is null ? r : r is null || r == l ? l : null;
        }
    }

    public override List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context)
    {
        var left = Left.Evaluate(focus, context);
        var right = Right.Evaluate(focus, context);
        switch (Operator)
        {
            case Union:
                // FHIRPath's union also removes duplicates; the indexer de-duplicates the
                // entries it builds, which is where duplicates would matter.
                left.AddRange(right);
                return left;
            case "=":
                return Wrap(FhirPathValues.AreEqual(left, right));
            case "!=":
                return Wrap(!FhirPathValues.AreEqual(left, right));
            case "and":
                return Wrap(And(FhirPathValues.ToBoolean(left, "and"), FhirPathValues.ToBoolean(right, "and")));
            case "or":
                return Wrap(Or(FhirPathValues.ToBoolean(left, "or"), FhirPathValues.ToBoolean(right, "or")));
            default:
                throw new FhirPathException($"Operator '{Operator}' is not supported.");
        }
    }

    public override string ToString() =>
        Operator == Union ? ToUnparenthesizedString() : $"({ToUnparenthesizedString()})";

    public override string ToUnparenthesizedString() => $"{Left} {Operator} {Right}";

    private static List<FhirValue> Wrap(bool? value) => value is { } b ? [FhirPathValues.Boolean(b)] : [];

    // Three-valued logic: false wins for 'and', true wins for 'or', otherwise unknown stays unknown.
    private static bool? And(bool? a, bool? b) =>
        a == false || b == false ? false : a == true && b == true ? true : null;

    private static bool? Or(bool? a, bool? b) =>
        a == true || b == true ? true : a == false && b == false ? false : null;
}
