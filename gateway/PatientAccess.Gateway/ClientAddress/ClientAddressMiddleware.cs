using PatientAccess.Gateway.Pipeline;
using PatientAccess.ServiceDefaults.ClientAddress;

namespace PatientAccess.Gateway.ClientAddress;

/// <summary>Step 1: decides which address every later step (geo, per-address limits, audit) sees.</summary>
internal sealed class ClientAddressMiddleware(RequestDelegate next, ClientAddressResolver resolver)
{
    public Task InvokeAsync(HttpContext context)
    {
        GatewayRequest.Of(context).ClientAddress = resolver.Resolve(
            context.Connection.RemoteIpAddress, context.Request.Headers["X-Forwarded-For"], context.Request.Headers["Forwarded"]);
        return next(context);
    }
}
