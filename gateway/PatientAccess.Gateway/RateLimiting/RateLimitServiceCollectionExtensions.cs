using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Gateway.RateLimiting;

internal static class RateLimitServiceCollectionExtensions
{
    public static IServiceCollection AddRateLimits(this IServiceCollection services)
    {
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddHttpClient(ClientLimits.HttpClientName);
        services.AddSingleton<ClientLimits>();
        services.AddSingleton<LocalRateLimiter>();
        services.AddSingleton<SharedRateLimiter>();
        services.AddSingleton<RateLimitGate>();
        return services;
    }
}
