using System.Data.Common;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>How one database writes an import batch in bulk; everything else about writing is shared.</summary>
internal interface IBatchWriter : IAsyncDisposable
{
    /// <summary>Called once per batch with the number of resources that will be new.</summary>
    Task StartAsync(DbConnection connection, DbTransaction transaction, int newResources, CancellationToken cancellationToken);

    /// <summary>Stores (or queues) a new resource's row and returns its seq.</summary>
    Task<long> InsertResourceAsync(IndexedResource resource, int version, DateTimeOffset lastUpdated, string hash, string json, IndexRowWriter rows, CancellationToken cancellationToken);

    /// <summary>Writes everything queued in <paramref name="rows"/>.</summary>
    Task FlushAsync(IndexRowWriter rows, CancellationToken cancellationToken);
}
