using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.Geo;

/// <summary>Step 2: refuses, with 403, clients outside the allowed countries.</summary>
internal sealed class GeoMiddleware(RequestDelegate next, GeoRule rule)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        var decision = rule.Decide(request.ClientAddress);
        request.Country = decision.Country;
        return decision.Allowed
            ? next(context)
            : OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status403Forbidden, "forbidden", RefusalReasons.Geo, decision.Explanation);
    }
}
