using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using PatientAccess.Gateway.Errors;
using PatientAccess.Gateway.Pipeline;
using PatientAccess.Gateway.Tokens;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// Charges a request to a set of buckets and answers for it: <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> (IETF httpapi draft) for the set's primary bucket, and when refused 429 with
/// <c>Retry-After</c>, or 503 when Redis is down and the policy is to refuse. Shared by the two
/// limiting steps (<see cref="AddressLimitMiddleware"/>, <see cref="RateLimitMiddleware"/>).
/// </summary>
internal sealed class RateLimitGate(SharedRateLimiter limiter, ClientLimits clients, IOptions<RateLimitOptions> options)
{
    private readonly RateLimitOptions _options = options.Value;

    /// <summary>The app's and the token's buckets, charged together; the answer's headers are set.</summary>
    public Task<RateLimitVerdict> ChargeTokenAsync(HttpContext context, AccessToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var primary = clients.For(token.ClientId);
        GatewayRequest.Of(context).TokenCharged = true;
        return ChargeAsync(context, "client", primary,
        [
            new RateLimitBucket(_options.KeyPrefix + "client:" + token.ClientId, primary,
                string.IsNullOrEmpty(_options.ThrottleKeyPrefix) ? null : _options.ThrottleKeyPrefix + token.ClientId),
            new RateLimitBucket(_options.KeyPrefix + "token:" + token.Jti, _options.Token),
        ]);
    }

    /// <summary>The client address's bucket; the answer's headers are set.</summary>
    public Task<RateLimitVerdict> ChargeAddressAsync(HttpContext context, IPAddress? address)
    {
        return ChargeAsync(context, "address", _options.Address,
            [new RateLimitBucket(_options.KeyPrefix + "address:" + AddressKey(address, _options.AddressIpv6PrefixLength), _options.Address)]);
    }

    /// <summary>The client address's preflight bucket (<see cref="RateLimitOptions.Preflight"/>); the answer's headers are set.</summary>
    public Task<RateLimitVerdict> ChargePreflightAsync(HttpContext context, IPAddress? address)
    {
        return ChargeAsync(context, "preflight", _options.Preflight,
            [new RateLimitBucket(_options.KeyPrefix + "preflight:" + AddressKey(address, _options.AddressIpv6PrefixLength), _options.Preflight)]);
    }

    /// <summary>The bucket's name for an address: IPv4 as is, IPv6 as its network (see <see cref="RateLimitOptions.AddressIpv6PrefixLength"/>).</summary>
    internal static string AddressKey(IPAddress? address, int ipv6PrefixLength)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6 || address.IsIPv4MappedToIPv6 || ipv6PrefixLength >= 128)
        {
            return address.ToString();
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Network(address, ipv6PrefixLength)}/{ipv6PrefixLength}");
    }

    private static IPAddress Network(IPAddress address, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        for (var bit = prefixLength; bit < 128; bit++)
        {
            bytes[bit / 8] &= (byte)~(0x80 >> (bit % 8));
        }

        return new IPAddress(bytes);
    }

    /// <summary>Answers a refused charge: 429 with <c>Retry-After</c>, or 503 when Redis is down and the policy is to refuse.</summary>
    public static Task RefuseAsync(HttpContext context, RateLimitVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(context);
        var decision = verdict.Decision;
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        if (decision.Unavailable)
        {
            return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status503ServiceUnavailable, "transient", RefusalReasons.RateLimit,
                "rate limits cannot be checked right now; try again shortly");
        }

        var primary = verdict.Primary;
        var throttled = decision.Throttle is null ? string.Empty : ", tightened for a while by the plan's security monitoring";
        return OperationOutcomeWriter.RefuseAsync(context, StatusCodes.Status429TooManyRequests, "throttled", RefusalReasons.RateLimit,
            $"the {verdict.Policy} rate limit ({primary.Burst} requests, {primary.PerSecond.ToString(CultureInfo.InvariantCulture)} per second{throttled}) is exhausted");
    }

    private async Task<RateLimitVerdict> ChargeAsync(HttpContext context, string policy, BucketLimit primary, RateLimitBucket[] buckets)
    {
        var decision = await limiter.DecideAsync(buckets);
        if (decision.Throttle is { } throttle)
        {
            // The headers and the refusal name the limit that was applied: the tighter of the two.
            primary = BucketLimit.Of(Math.Min(primary.Burst, throttle.Burst), Math.Min(primary.PerSecond, throttle.PerSecond));
        }

        var headers = context.Response.Headers;
        headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";q={primary.Burst};w={primary.WindowSeconds}");
        var reset = decision.Allowed ? 0 : (long)Math.Ceiling(decision.RetryAfter.TotalSeconds);
        headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={decision.Remaining};t={reset}");
        return new RateLimitVerdict(decision, policy, primary);
    }
}
