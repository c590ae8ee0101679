using PatientAccess.Gateway.Pipeline;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Observability;

/// <summary>
/// Counts each request by app, and each refusal by app and reason, once the whole chain (audit
/// included) has decided, from the same <see cref="GatewayRequest"/> the audit event is built from,
/// so the dashboards and an audit search agree, and with one attribution for both so a refusal
/// ratio is a share. Outside the audit step on purpose: it only reads what the chain learned.
/// </summary>
internal sealed class AppMetricsMiddleware(RequestDelegate next, PolicyMetrics metrics, AccessTokenValidator validator)
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
                var clientId = request.Token?.ClientId ?? KnownClient(context);
                metrics.Requested(clientId);
                metrics.Refused(clientId, reason, request.Country);
            }
            else
            {
                metrics.Requested(request.Token?.ClientId);
            }
        }
    }

    /// <summary>
    /// The app of a request refused before the token step (rate limit, country, method): only when
    /// this replica already validated its token (signature, issuer, audience, expiry) and remembers
    /// it. A dictionary lookup, never a validation: refusals can come in floods, and a token never
    /// validated names no app, so a forged one cannot put a refusal on another app's count.
    /// </summary>
    private string? KnownClient(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization;
        return authorization.Count == 1 && TokenMiddleware.BearerToken(authorization[0]) is { } raw
            ? validator.TryGetKnown(raw.Span)?.Token?.ClientId
            : null;
    }
}
