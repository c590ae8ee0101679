using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PatientAccess.ServiceDefaults.Configuration;

namespace PatientAccess.ServiceDefaults.ClientAddress;

public static class ClientAddressServiceCollectionExtensions
{
    /// <summary>Registers the <c>ClientAddress</c> options and resolver once, however many features ask for them.</summary>
    public static IServiceCollection AddClientAddress(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(ClientAddressResolver)))
        {
            return services;
        }

        services.AddValidatedOptions<ClientAddressOptions>(ClientAddressOptions.Section);
        services.TryAddSingleton<ClientAddressResolver>();
        return services;
    }
}
