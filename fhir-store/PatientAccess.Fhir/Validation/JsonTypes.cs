namespace PatientAccess.Fhir.Validation;

/// <summary>The JSON Schema "type" keyword's values, as flags so a schema can allow several.</summary>
[Flags]
internal enum JsonTypes
{
    Any = 0,
    Object = 1,
    Array = 2,
    String = 4,
    Number = 8,
    Integer = 16,
    Boolean = 32,
    Null = 64,
}
