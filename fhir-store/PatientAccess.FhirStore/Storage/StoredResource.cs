namespace PatientAccess.FhirStore.Storage;

/// <summary>One version of a resource as stored: its JSON already carries meta.versionId and meta.lastUpdated.</summary>
public sealed record StoredResource(string Type, string Id, int VersionId, DateTimeOffset LastUpdated, bool Deleted, string Json);
