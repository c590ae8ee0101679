using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PatientAccess.Gateway.Revocation;

/// <summary>Not ready until the revocation feed was read once: before that a revoked token could pass.</summary>
internal sealed class RevocationHealthCheck(RevocationListener listener) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(listener.CaughtUp
            ? HealthCheckResult.Healthy("the revocation feed has been read")
            : HealthCheckResult.Unhealthy("the revocation feed has not been read yet"));
}
