namespace PatientAccess.Fhir.FhirPath;

/// <summary><c>left.right</c>: evaluates <c>right</c> with the result of <c>left</c> as its focus.</summary>
internal sealed class InvocationNode(FhirPathNode left, FhirPathNode right) : FhirPathNode
{
    public FhirPathNode Left { get; } = left;

    public FhirPathNode Right { get; } = right;

    public override string? RootTypeName => Left.RootTypeName;

    public override List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context) =>
        Right.Evaluate(Left.Evaluate(focus, context), context);

    public override string ToString() => $"{Left}.{Right}";
}
