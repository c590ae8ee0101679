using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.ServiceDefaults.Health;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is checked, so a restart is
/// never triggered by someone else's outage). <c>/health/ready</c>: every check tagged
/// <see cref="ReadyTag"/> passes, so load balancers send traffic only when it can be served.
/// Both are served on the management listener only (<c>Service:ManagementPort</c>).
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    internal static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", Options(_ => false)).WithMetadata(ManagementEndpointMetadata.Instance);
        endpoints.MapHealthChecks("/health/ready", Options(check => check.Tags.Contains(ReadyTag))).WithMetadata(ManagementEndpointMetadata.Instance);
    }

    private static HealthCheckOptions Options(Func<HealthCheckRegistration, bool> predicate) => new()
    {
        Predicate = predicate,
        ResponseWriter = HealthResponseWriter.WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status200OK,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
