namespace PatientAccess.FhirStore.Api;

internal static class FhirJson
{
    public const string ContentType = "application/fhir+json; charset=utf-8";
}
