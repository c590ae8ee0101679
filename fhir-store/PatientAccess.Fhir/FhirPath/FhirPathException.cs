namespace PatientAccess.Fhir.FhirPath;

/// <summary>
/// A FHIRPath expression this evaluator cannot parse or run: either it is malformed, or it
/// uses a part of FHIRPath outside the supported subset. Never swallowed into an empty result,
/// so an unsupported search parameter is noticed rather than silently matching nothing.
/// </summary>
public sealed class FhirPathException : Exception
{
    public FhirPathException()
    {
    }

    public FhirPathException(string message)
        : base(message)
    {
    }

    public FhirPathException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
