using PatientAccess.Fhir.FhirPath;

namespace PatientAccess.Fhir.Search;

/// <summary>
/// One part of a composite search parameter: the canonical URL of the parameter that gives its
/// type, and an expression evaluated relative to each item the composite's expression selects.
/// </summary>
public sealed record SearchParameterComponent(string Definition, FhirPathExpression Expression);
