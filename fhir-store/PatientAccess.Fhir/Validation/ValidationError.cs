namespace PatientAccess.Fhir.Validation;

/// <summary>
/// One way a resource breaks the R4 JSON schema. <see cref="Path"/> is FHIRPath-like
/// (<c>Patient.name[0].given[1]</c>); <see cref="ToString"/> gives the form for reports,
/// <c>Patient.birthDate: '1950-13-45' does not match pattern ...</c>.
/// </summary>
public sealed record ValidationError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
