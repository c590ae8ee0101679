namespace PatientAccess.FhirStore.Storage;

/// <summary>What an upsert did: a new resource, a new version, or nothing because the content was the same.</summary>
public enum UpsertKind
{
    Created,
    Updated,
    Unchanged,
}

/// <summary>The result of writing one resource.</summary>
public sealed record UpsertOutcome(string Type, string Id, UpsertKind Kind, int VersionId);
