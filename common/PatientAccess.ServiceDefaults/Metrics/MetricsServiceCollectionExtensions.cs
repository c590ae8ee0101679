using Microsoft.Extensions.DependencyInjection;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.ServiceDefaults.Metrics;

internal static class MetricsServiceCollectionExtensions
{
    public static IServiceCollection AddPrometheusMetrics(this IServiceCollection services)
    {
        services.AddValidatedOptions<MetricsOptions>(MetricsOptions.Section);
        services.AddMetrics();
        services.AddSingleton<MetricsCollector>();
        services.AddSingleton<ProcessMetrics>();
        services.AddHostedService<MetricsStartup>();
        return services;
    }

}
