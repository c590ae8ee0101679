using Microsoft.Extensions.DependencyInjection;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Health;

namespace PatientAccess.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>Registers the service's database and makes readiness depend on it.</summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, string sqliteFileName)
    {
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);
        services.AddSingleton(new DatabaseFileName(sqliteFileName));
        services.AddSingleton<DbConnectionFactory>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
