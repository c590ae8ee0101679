using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Observability;

/// <summary>
/// Counts each refusal by app and reason once the whole chain (audit included) has decided, from
/// the same <see cref="GatewayRequest"/> the audit event is built from, so the dashboards and an
/// audit search agree. Outside the audit step on purpose: it only reads what the chain learned.
/// </summary>
internal sealed class RefusalMetricsMiddleware(RequestDelegate next, PolicyMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        finally
        {
            var request = GatewayRequest.Of(context);
            if (request.Decision == GatewayRequest.Refused && request.Reason is { } reason)
            {
                metrics.Refused(request.Token?.ClientId, reason, request.Country);
            }
        }
    }
}
