namespace PatientAccess.Fhir.FhirPath;

/// <summary>A string, boolean or number literal.</summary>
internal sealed class LiteralNode(FhirValue value, string text) : FhirPathNode
{
    public FhirValue Value { get; } = value;

    public override List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context) => [Value];

    public override string ToString() => text;
}
