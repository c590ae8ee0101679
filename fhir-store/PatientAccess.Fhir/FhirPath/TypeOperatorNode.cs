namespace PatientAccess.Fhir.FhirPath;

/// <summary><c>operand is Type</c> / <c>operand as Type</c>.</summary>
internal sealed class TypeOperatorNode(FhirPathNode operand, bool isAs, string typeName) : FhirPathNode
{
    public override string? RootTypeName => operand.RootTypeName;

    public override List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context)
    {
        var values = operand.Evaluate(focus, context);
        return isAs ? FhirTypes.Filter(values, typeName, context.Model) : FhirTypes.Is(values, typeName, context.Model);
    }

    public override string ToString() => $"({ToUnparenthesizedString()})";

    public override string ToUnparenthesizedString() => $"{operand} {(isAs ? "as" : "is")} {typeName}";
}
