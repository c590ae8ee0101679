using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.AuthServer.Clients;

internal static class ClientsServiceCollectionExtensions
{
    public static IServiceCollection AddClientRegistry(this IServiceCollection services)
    {
        services.AddValidatedOptions<ClientOptions>(ClientOptions.Section);
        services.AddSingleton<ClientRegistry>();
        services.AddSingleton<ClientSuspension>();
        services.AddSingleton<ClientUsage>();
        services.AddHostedService<DemoClientSeeder>();
        return services;
    }
}
