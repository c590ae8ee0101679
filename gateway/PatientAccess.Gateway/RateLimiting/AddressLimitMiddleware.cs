using PatientAccess.Gateway.Methods;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.Gateway.Revocation;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Right after the client address step, before any step can refuse: every request is charged
/// here, so refusals (geo, shape, method, token, scope, unknown routes) count as much as answers.
/// A request bearing a token this replica already validated (and not revoked) is charged to its
/// app's and its own buckets; anything else (no token, a bad, revoked or not yet seen token,
/// discovery documents) to its client address's bucket (CORS preflights to a bucket of their own
/// per address, see <see cref="RateLimitOptions.Preflight"/>), and a token seen for the first
/// time then also to its own after the token step. When the address's bucket is empty, a request
/// that still shows a valid token is judged by its own buckets instead: an outsider flooding from
/// an address shared with members (carrier NAT, a campus, an app's server) must not refuse their
/// apps. Its signature is checked here first, which the token step would cost anyway; junk
/// without a valid token gets 429.
/// </summary>
internal sealed class AddressLimitMiddleware(RequestDelegate next, RateLimitGate gate, AccessTokenValidator validator, RevocationSet revocations)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        var authorization = context.Request.Headers.Authorization;
        var raw = authorization.Count == 1 ? TokenMiddleware.BearerToken(authorization[0]) : null;
        if (raw is { } known && validator.TryGetKnown(known.Span)?.Token is { } seen && !revocations.IsRevoked(seen))
        {
            await ContinueIfAllowedAsync(context, await gate.ChargeTokenAsync(context, seen));
            return;
        }

        if (request.IsPreflight)
        {
            await ContinueIfAllowedAsync(context, await gate.ChargePreflightAsync(context, request.ClientAddress));
            return;
        }

        var address = await gate.ChargeAddressAsync(context, request.ClientAddress);
        if (address.Allowed || address.Decision.Unavailable || raw is not { } presented)
        {
            await ContinueIfAllowedAsync(context, address);
            return;
        }

        var check = await validator.ValidateAsync(presented.ToString(), context.RequestAborted);
        await ContinueIfAllowedAsync(context, check.Token is { } valid && !revocations.IsRevoked(valid)
            ? await gate.ChargeTokenAsync(context, valid)
            : address);
    }

    private Task ContinueIfAllowedAsync(HttpContext context, RateLimitVerdict verdict)
    {
        if (verdict.Allowed)
        {
            return next(context);
        }

        // The audit event still says what was asked for, though no later step read it.
        GatewayRequest.Of(context).Target ??= RequestShapeMiddleware.TargetForAudit(context);
        return RateLimitGate.RefuseAsync(context, verdict);
    }
}
