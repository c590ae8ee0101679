using System.Data.Common;
using PatientAccess.Data;
using PatientAccess.Monitor.Storage;

namespace PatientAccess.Monitor.Flags;

/// <summary>Connections to the monitor's database, its tables made on first use (<see cref="MonitorSchema"/>).</summary>
internal sealed class FlagDatabase(DbConnectionFactory connections, MonitorSchema schema)
{
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            await schema.EnsureAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
