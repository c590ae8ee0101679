using System.Data.Common;
using PatientAccess.Data;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Flags;

/// <summary>Connections to the monitor's database with the flag tables made on first use (and again after a failure), as the audit store does.</summary>
internal sealed class FlagDatabase(DbConnectionFactory connections) : IDisposable
{
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        if (_schemaReady)
        {
            return connection;
        }

        try
        {
            await _schemaLock.WaitAsync(cancellationToken);
            try
            {
                if (!_schemaReady)
                {
                    await SchemaApplier.ApplyAsync(connection, connections.Provider, FlagSchema.Statements(connections.Provider), cancellationToken);

                    _schemaReady = true;
                }
            }
            finally
            {
                _schemaLock.Release();
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _schemaLock.Dispose();
}
