using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage;

/// <summary>The one storage interface, implemented for SQLite (embedded) and PostgreSQL (production).</summary>
public interface IResourceStore
{
    /// <summary>Creates tables and indexes if missing; safe to call on every start.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Refreshes the query planner's statistics; import calls it after loading.</summary>
    Task AnalyzeAsync(CancellationToken cancellationToken);

    /// <summary>Writes a batch in one transaction; a resource whose content did not change keeps its version.</summary>
    Task<IReadOnlyList<UpsertOutcome>> UpsertAsync(IReadOnlyList<IndexedResource> batch, CancellationToken cancellationToken);

    /// <summary>The current version, if the resource exists and <paramref name="scope"/> may see it.</summary>
    Task<StoredResource?> ReadAsync(string type, string id, AccessScope scope, CancellationToken cancellationToken);

    /// <summary>One version from the history, under the same visibility rule as the current one.</summary>
    Task<StoredResource?> ReadVersionAsync(string type, string id, int versionId, AccessScope scope, CancellationToken cancellationToken);

    /// <summary>One page of matches, in a stable keyset order.</summary>
    Task<SearchPage> SearchAsync(SearchQuery query, AccessScope scope, CancellationToken cancellationToken);

    /// <summary>Which of the given references (type, id) exist, for import's dangling-reference report.</summary>
    Task<IReadOnlySet<(string Type, string Id)>> ExistingAsync(IReadOnlyCollection<(string Type, string Id)> references, CancellationToken cancellationToken);
}
