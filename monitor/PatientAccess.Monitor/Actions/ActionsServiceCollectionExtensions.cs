using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.Monitor.Actions;

internal static class ActionsServiceCollectionExtensions
{
    public static IServiceCollection AddActions(this IServiceCollection services)
    {
        services.AddValidatedOptions<EnforcementOptions>(EnforcementOptions.Section);
        services.AddValidatedOptions<ThrottleOptions>(ThrottleOptions.Section);
        // The call's own timeout is EnforcementOptions.TimeoutMilliseconds; HttpClient's is only a backstop.
        services.AddHttpClient(EnforcementClient.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(70));
        services.AddSingleton<IEnforcementClient, EnforcementClient>();
        services.AddSingleton<Throttles>();
        return services;
    }
}
