using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Monitor.Consumer;

internal static class ConsumerServiceCollectionExtensions
{
    public static IServiceCollection AddAuditConsumer(this IServiceCollection services)
    {
        services.AddValidatedOptions<ConsumerOptions>(ConsumerOptions.Section);
        services.AddSingleton<BatchProcessor>();
        services.AddSingleton<BatchPipeline>();
        services.AddSingleton<ConsumerLag>();
        services.AddHostedService<AuditConsumer>();
        return services;
    }
}
