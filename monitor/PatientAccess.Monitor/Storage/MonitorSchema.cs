using System.Data.Common;
using PatientAccess.Data;
using PatientAccess.Monitor.Flags;

namespace PatientAccess.Monitor.Storage;

/// <summary>
/// Every table of the monitor (AuditEvents, dead letters, flags, decisions), made once per process on
/// first use and again after a failure, whichever store opens the database first. One gate for all
/// of them: while one connection changes SQLite's schema (or switches the file to WAL), another that
/// prepares a statement fails, and SQLitePCL reports that as an ArgumentOutOfRangeException.
/// </summary>
internal sealed class MonitorSchema(DbConnectionFactory connections) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _lock.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await SchemaApplier.ApplyAsync(connection, connections.Provider, AuditSchema.Statements(connections.Provider), cancellationToken);
                await SchemaApplier.ApplyAsync(connection, connections.Provider, FlagSchema.Statements(connections.Provider), cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
