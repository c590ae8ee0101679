using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Cors;

/// <summary>
/// First inside the audit step, so that every answer, refusals and 429s included, is readable by
/// a browser app from an allowed origin. Preflights themselves are answered by the request-shape
/// step, where the FHIR address is known and a preflight would otherwise meet the method rule.
/// </summary>
internal sealed class CorsMiddleware(RequestDelegate next, CorsPolicy policy)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Headers.Origin.Count > 0)
        {
            if (CorsPolicy.IsPreflight(context.Request))
            {
                GatewayRequest.Of(context).IsPreflight = true;
            }
            else
            {
                policy.OnActualResponse(context);
            }
        }

        return next(context);
    }
}
