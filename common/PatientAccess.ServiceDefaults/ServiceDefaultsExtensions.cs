using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PatientAccess.ServiceDefaults.Configuration;
using PatientAccess.ServiceDefaults.Health;
using PatientAccess.ServiceDefaults.Hosting;
using PatientAccess.ServiceDefaults.Logging;
using PatientAccess.ServiceDefaults.Metrics;

namespace PatientAccess.ServiceDefaults;

/// <summary>What every PatientAccess service shares: configuration, logs, health, metrics.</summary>
public static class ServiceDefaultsExtensions
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        StartupGuard.Install();
        builder.AddJsonConsoleLogging();
        builder.Services.AddValidatedOptions<ServiceOptions>(ServiceOptions.Section);
        builder.Services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelEndpointSetup>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<MatcherPolicy, ManagementMatcherPolicy>());
        builder.Services.AddHealthChecks();
        builder.Services.AddHttpClient(HttpDependencyHealthCheck.ClientName);
        builder.Services.AddPrometheusMetrics();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>
    /// Request ids, then the management listener's branch, then <c>/health/live</c>,
    /// <c>/health/ready</c> and <c>/metrics</c>, routed only on <c>Service:ManagementPort</c>.
    /// Call it before the service's own middleware, so management requests never reach that.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<ManagementAccessMiddleware>();
        app.MapHealthEndpoints();
        app.MapPrometheusMetrics().WithMetadata(ManagementEndpointMetadata.Instance);
        return app;
    }
}
