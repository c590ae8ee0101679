using System.Text.Json;

namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// One item of a FHIRPath result: a JSON value and, where the schema says so, its FHIR type
/// (<c>HumanName</c>, <c>dateTime</c>, <c>Patient</c>, ...). The type is null only for values
/// found outside the schema's elements.
/// </summary>
public readonly record struct FhirValue(JsonElement Element, string? TypeName)
{
    /// <summary>
    /// True for the result of <c>resolve()</c>: the store does not load the target, so the value
    /// is the Reference itself and <see cref="TypeName"/> is the type it points to. Only type
    /// tests (<c>is</c>, <c>as</c>, <c>ofType</c>) may use it.
    /// </summary>
    public bool IsResolvedReference { get; init; }
}
