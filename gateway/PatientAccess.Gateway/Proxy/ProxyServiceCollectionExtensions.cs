using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Health;
using Yarp.ReverseProxy.Configuration;

namespace PatientAccess.Gateway.Proxy;

internal static class ProxyServiceCollectionExtensions
{
    /// <summary>YARP towards the fhir-store; readiness requires the store to answer.</summary>
    public static IServiceCollection AddFhirProxy(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);
        services.AddSingleton<IProxyConfigProvider, FhirStoreProxyConfigProvider>();
        services.AddReverseProxy();
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "fhir-store",
            sp => new HttpDependencyHealthCheck(
                sp.GetRequiredService<IHttpClientFactory>(),
                new Uri(new Uri(sp.GetRequiredService<IOptions<ProxyOptions>>().Value.FhirStoreUrl), "/health/live"),
                TimeSpan.FromSeconds(2)),
            failureStatus: null,
            tags: [HealthEndpoints.ReadyTag]));
        return services;
    }
}
