using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Monitor.Storage;

internal static class AuditStoreServiceCollectionExtensions
{
    public static IServiceCollection AddAuditStore(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuditStoreOptions>(AuditStoreOptions.Section);
        services.AddSingleton<MonitorSchema>();
        services.AddSingleton<AuditStore>();
        return services;
    }
}
