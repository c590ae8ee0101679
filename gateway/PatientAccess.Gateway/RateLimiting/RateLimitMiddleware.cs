using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Step 6: the client's bucket and the token's bucket, charged together in one decision; the
/// address's bucket for requests without a token. Answers carry <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> (IETF httpapi draft) for the client's (or address's) bucket; refusals are 429
/// with <c>Retry-After</c>, or 503 when Redis is down and the policy is to refuse.
/// </summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, SharedRateLimiter limiter, ClientLimits clients, IOptions<RateLimitOptions> options)
{
    private readonly RateLimitOptions _options = options.Value;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = GatewayRequest.Of(context);
        string policyName;
        BucketLimit primary;
        RateLimitBucket[] buckets;
        if (request.Token is { } token)
        {
            policyName = "client";
            primary = clients.For(token.ClientId);
            buckets =
            [
                new RateLimitBucket(_options.KeyPrefix + "client:" + token.ClientId, primary),
                new RateLimitBucket(_options.KeyPrefix + "token:" + token.Jti, _options.Token),
            ];
        }
        else
        {
            policyName = "address";
            primary = _options.Address;
            buckets = [new RateLimitBucket(_options.KeyPrefix + "address:" + (request.ClientAddress?.ToString() ?? "unknown"), primary)];
        }

        var decision = await limiter.DecideAsync(buckets);
        var headers = context.Response.Headers;
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{policyName}\";q={primary.Burst};w={primary.WindowSeconds}");
        var reset = decision.Allowed ? 0 : (long)Math.Ceiling(decision.RetryAfter.TotalSeconds);
        headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{policyName}\";r={decision.Remaining};t={reset}");
        if (decision.Allowed)
        {
            await next(context);
            return;
        }

        headers.RetryAfter = Math.Max(1, reset).ToString(CultureInfo.InvariantCulture);
        if (decision.Unavailable)
        {
            await OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "transient", RefusalReasons.RateLimit,
                "rate limits cannot be checked right now; try again shortly");
            return;
        }

        await OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status429TooManyRequests, "throttled", RefusalReasons.RateLimit,
            $"the {policyName} rate limit ({primary.Burst} requests, {primary.PerSecond.ToString(CultureInfo.InvariantCulture)} per second) is exhausted");
    }
}
