using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.Extensions.Options;

namespace PatientAccess.ServiceDefaults.Hosting;

/// <summary>
/// Takes management endpoints out of routing on the public listener. Routing has already
/// decoded the path, resolved dot segments and matched without regard to case, so every
/// spelling of <c>/metrics</c> (<c>/METRICS</c>, <c>/%6detrics</c>, <c>/r4/../metrics</c>) meets
/// this one rule; a string check on the raw path would have to foresee them all. The request
/// then falls through to whatever else matches (the service's own 404).
/// </summary>
internal sealed class ManagementMatcherPolicy(IOptions<ServiceOptions> options) : MatcherPolicy, IEndpointSelectorPolicy
{
    private readonly int _managementPort = options.Value.ManagementPort;

    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return ContainsDynamicEndpoints(endpoints) || endpoints.Any(IsManagement);
    }

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(candidates);
        if (ManagementListener.IsManagementPort(httpContext, _managementPort))
        {
            return Task.CompletedTask;
        }

        for (var i = 0; i < candidates.Count; i++)
        {
            if (IsManagement(candidates[i].Endpoint))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsManagement(Endpoint endpoint) => endpoint.Metadata.GetMetadata<ManagementEndpointMetadata>() is not null;
}
