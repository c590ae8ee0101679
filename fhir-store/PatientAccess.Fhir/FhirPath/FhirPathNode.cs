namespace PatientAccess.Fhir.FhirPath;

/// <summary>A node of a parsed FHIRPath expression; evaluates against a focus collection.</summary>
internal abstract class FhirPathNode
{
    /// <summary>
    /// The type name the expression starts from (<c>Patient</c> in <c>Patient.name.family</c>),
    /// or null when it does not start with one. Used to split the official multi-type unions.
    /// </summary>
    public virtual string? RootTypeName => null;

    public abstract List<FhirValue> Evaluate(IReadOnlyList<FhirValue> focus, FhirPathContext context);

    /// <summary>Prints the node back as FHIRPath (fully parenthesized where precedence matters).</summary>
    public abstract override string ToString();

    /// <summary>The same without outer parentheses, for places that delimit it already (function arguments).</summary>
    public virtual string ToUnparenthesizedString() => ToString();
}
