using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Gateway.Audit;

internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuditOptions>(AuditOptions.Section);
        services.AddSingleton<AuditInbox>();
        services.AddSingleton<AuditReplica>();
        services.AddSingleton<RefusalAttribution>();
        services.AddHostedService<AuditWriter>();
        return services;
    }
}
