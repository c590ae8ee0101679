using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Right after the token step: a token that validated there and was not charged yet (one this
/// replica had not seen before, see <see cref="AddressLimitMiddleware"/>) is charged to its app's
/// and its own buckets, before the scope and compartment steps, so that their refusals count too.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, RateLimitGate gate)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        if (request.Token is { } token && !request.TokenCharged && await gate.ChargeTokenAsync(context, token) is { Allowed: false } refused)
        {
            await RateLimitGate.RefuseAsync(context, refused);
            return;
        }

        await next(context);
    }
}
