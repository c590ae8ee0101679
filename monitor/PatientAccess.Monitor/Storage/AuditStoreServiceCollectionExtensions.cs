namespace PatientAccess.Monitor.Storage;

internal static class AuditStoreServiceCollectionExtensions
{
    public static IServiceCollection AddAuditStore(this IServiceCollection services)
    {
        services.AddSingleton<AuditStore>();
        return services;
    }
}
