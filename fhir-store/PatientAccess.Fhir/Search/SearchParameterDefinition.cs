using PatientAccess.Fhir.FhirPath;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// An official R4 search parameter as it applies to one resource type: its
/// <see cref="Expression"/> keeps only the union branches for <see cref="ResourceType"/> (null
/// for the few parameters with no expression: <c>_text</c>, <c>_content</c>, <c>_query</c>).
/// </summary>
public sealed record SearchParameterDefinition(
    string ResourceType,
    string Code,
    SearchParamType Type,
    string Url,
    FhirPathExpression? Expression,
    IReadOnlyList<string> Targets,
    IReadOnlyList<string> Modifiers,
    IReadOnlyList<string> Comparators,
    bool? MultipleOr,
    bool? MultipleAnd,
    IReadOnlyList<SearchParameterComponent> Components)
{
    /// <summary>True for the parameters every resource type has (<c>_id</c>, <c>_lastUpdated</c>, <c>_tag</c>, ...).</summary>
    public bool IsCommon => Code.StartsWith('_');
}
