namespace PatientAccess.FhirStore.Storage;

/// <summary>A resource ready to store, or the reason it was refused.</summary>
public sealed record PreparedResource(IndexedResource? Resource, string? Error)
{
    public static PreparedResource Ok(IndexedResource resource) => new(resource, null);

    public static PreparedResource Fail(string error) => new(null, error);
}
