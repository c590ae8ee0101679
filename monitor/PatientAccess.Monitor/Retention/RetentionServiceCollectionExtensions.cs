using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Monitor.Retention;

internal static class RetentionServiceCollectionExtensions
{
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        services.AddSingleton<RetentionPurge>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionPurge>());
        return services;
    }
}
