namespace PatientAccess.AuthServer.Audit;

internal static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAuditTrail(this IServiceCollection services)
    {
        services.AddSingleton<AuthMetrics>();
        services.AddSingleton<RedisDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RedisDispatcher>());
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<Refusals>();
        return services;
    }
}
