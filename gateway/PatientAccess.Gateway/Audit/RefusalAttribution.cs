using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.Audit;

/// <summary>
/// Issue 15: a request refused before the token step (client address rate limit, geo, request
/// shape, method, CORS origin) is attributed to the app, member and token it bears, so that a
/// write attempt or a foreign request is evidence against that app. Only a token that validates
/// (signature, issuer, audience, expiry: the token step's own validator and cache) counts; an
/// unvalidated one would let anyone frame another app with a forged token, so without a valid
/// token the event names the address only. A revoked but genuine token still names its app:
/// revocation says the token may no longer be used, not that someone else signed it.
/// The check costs what the token step would have (a cached answer, or one signature check, after
/// the answer went out); requests refused before it are bounded by the address rate limit.
/// </summary>
internal sealed class RefusalAttribution(AccessTokenValidator validator)
{
    public async ValueTask AttributeAsync(HttpContext context, GatewayRequest request)
    {
        // The token step already decided (valid: Token set; invalid: refused as such), and answers let through had a token.
        if (request.Token is not null || request.Decision != GatewayRequest.Refused || request.Reason is RefusalReasons.TokenInvalid or null)
        {
            return;
        }

        var authorization = context.Request.Headers.Authorization;
        if (authorization.Count != 1 || TokenMiddleware.BearerToken(authorization[0]) is not { } raw)
        {
            return;
        }

        // Not the request's cancellation: a client that hung up after a refused write is still the one who tried it.
        // Not remembered: the rate limits keep charging such requests as they did (see AddressLimitMiddleware).
        var check = validator.TryGetKnown(raw.Span) ?? await validator.ValidateAsync(raw.ToString(), CancellationToken.None, remember: false);
        request.Token = check.Token;
    }
}
