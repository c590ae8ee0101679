using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace PatientAccess.Gateway.Proxy;

internal static class ProxyServiceCollectionExtensions
{
    /// <summary>YARP towards the fhir-store with the signed member context; readiness requires the store to answer.</summary>
    public static IServiceCollection AddFhirProxy(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProxyOptions>(ProxyOptions.Section);
        services.AddValidatedOptions<MemberContextOptions>(MemberContextOptions.Section);
        services.AddSingleton<IProxyConfigProvider, FhirStoreProxyConfigProvider>();
        services.AddSingleton<MemberContextTransform>();
        services.AddReverseProxy().AddTransforms(context =>
        {
            context.RequestTransforms.Add(context.Services.GetRequiredService<MemberContextTransform>());
            context.ResponseTransforms.Add(new DeclaredLengthTransform());
        });
        services.Replace(ServiceDescriptor.Singleton<IForwarderHttpClientFactory, StoreHttpClientFactory>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "fhir-store",
            sp => new HttpDependencyHealthCheck(
                sp.GetRequiredService<IHttpClientFactory>(),
                new Uri(new Uri(sp.GetRequiredService<IOptions<ProxyOptions>>().Value.FhirStoreUrl), FhirStoreProxyConfigProvider.ProbePath),
                TimeSpan.FromSeconds(2)),
            failureStatus: null,
            tags: [HealthEndpoints.ReadyTag]));
        return services;
    }

    /// <summary>The proxy pipeline: upstream errors as OperationOutcomes, then YARP's balancing and passive health.</summary>
    public static WebApplication MapFhirProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<UpstreamErrorMiddleware>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }
}
