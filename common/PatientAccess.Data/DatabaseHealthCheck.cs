using System.Data.Common;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatientAccess.Data;

/// <summary>Healthy when the database opens and answers a trivial query.</summary>
internal sealed class DatabaseHealthCheck(DbConnectionFactory connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"{connections.Provider} is open");
        }
        catch (DbException ex)
        {
            return HealthCheckResult.Unhealthy($"{connections.Provider} failed: {ex.GetType().Name}");
        }
    }
}
