using Microsoft.Extensions.DependencyInjection;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Health;

namespace PatientAccess.ServiceDefaults.Redis;

public static class RedisServiceCollectionExtensions
{
    /// <summary>Registers the shared <see cref="RedisConnection"/> and makes readiness depend on it.</summary>
    public static IServiceCollection AddRedis(this IServiceCollection services)
    {
        services.AddValidatedOptions<RedisOptions>(RedisOptions.Section);
        services.AddSingleton<RedisConnection>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
