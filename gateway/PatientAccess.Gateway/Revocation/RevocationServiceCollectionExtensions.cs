using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Health;

namespace PatientAccess.Gateway.Revocation;

internal static class RevocationServiceCollectionExtensions
{
    public static IServiceCollection AddRevocation(this IServiceCollection services)
    {
        services.AddValidatedOptions<RevocationOptions>(RevocationOptions.Section);
        services.AddSingleton<RevocationSet>();
        services.AddSingleton<RevocationFeedClient>();
        services.AddHttpClient(RevocationFeedClient.HttpClientName);
        services.AddSingleton<RevocationListener>();
        services.AddHostedService(sp => sp.GetRequiredService<RevocationListener>());
        services.AddHealthChecks().AddCheck<RevocationHealthCheck>("revocations", tags: [HealthEndpoints.ReadyTag]);
        return services;
    }
}
