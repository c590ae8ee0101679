namespace PatientAccess.Fhir.FhirPath;

internal enum FhirPathTokenKind
{
    Identifier,
    String,
    Number,
    Symbol,
    End,
}
