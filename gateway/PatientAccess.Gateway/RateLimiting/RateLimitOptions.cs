using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>Per-client, per-token and per-address token buckets. Section <c>RateLimiting</c>.</summary>
public sealed class RateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimiting";

    /// <summary>Every app, unless overridden below or in the app registry.</summary>
    public BucketLimit Client { get; set; } = BucketLimit.Of(100, 20);

    /// <summary>One access token, so a leaked token cannot use the whole app's allowance.</summary>
    public BucketLimit Token { get; set; } = BucketLimit.Of(50, 10);

    /// <summary>
    /// One client address: every request that does not bear a token this replica has already
    /// validated (no token, a bad or revoked one, discovery documents, preflights, a new token's
    /// first request), whether it is answered or refused, so junk traffic is throttled where it
    /// comes from. A request with a valid token is never refused by it (its app's and token's
    /// buckets decide), so members sharing an address with a flooder keep their apps.
    /// </summary>
    public BucketLimit Address { get; set; } = BucketLimit.Of(20, 5);

    /// <summary>
    /// One client address's CORS preflights, apart from <see cref="Address"/>: a browser app sends
    /// one before each new URL (every search page has its own), and a member's browser must not
    /// run out of preflights while loading their record; still bounded, since they are audited.
    /// </summary>
    public BucketLimit Preflight { get; set; } = BucketLimit.Of(100, 20);

    /// <summary>
    /// IPv6 clients are charged by network, not by address: whoever holds one address usually
    /// holds its whole /64 (2^64 addresses), and one bucket per address would let them spread
    /// junk over as many buckets as they like. IPv4 addresses are charged one by one.
    /// </summary>
    [Range(32, 128, ErrorMessage = "must be from 32 to 128")]
    public int AddressIpv6PrefixLength { get; set; } = 64;

    /// <summary>Per-client overrides by client_id; these win over the app registry.</summary>
    public IDictionary<string, BucketLimit> Clients { get; } = new Dictionary<string, BucketLimit>(StringComparer.Ordinal);

    /// <summary>
    /// Read each app's <c>rate_limit_burst</c>/<c>rate_limit_per_second</c> from the authserver's
    /// admin API (<c>/admin/clients/{id}/rate-limit</c> at <c>Revocation:AuthServerUrl</c>, with the read-only <c>Revocation:FeedKey</c>), cached for
    /// <see cref="RegistryCacheSeconds"/>; the default applies until the first answer arrives.
    /// </summary>
    public bool UseClientRegistry { get; set; } = true;

    [Range(1, 86_400, ErrorMessage = "must be from 1 to 86400 seconds")]
    public int RegistryCacheSeconds { get; set; } = 300;

    /// <summary>
    /// <see cref="RedisDownPolicy.LocalLimits"/> (default: keep serving under per-replica limits) or
    /// <see cref="RedisDownPolicy.Refuse"/> (fail closed).
    /// </summary>
    public RedisDownPolicy RedisDownPolicy { get; set; } = RedisDownPolicy.LocalLimits;

    /// <summary>
    /// After Redis failed or did not answer within <c>Redis:TimeoutMilliseconds</c>, how long
    /// decisions go straight to <see cref="RedisDownPolicy"/> before Redis is tried again, so a
    /// hung Redis costs one timeout per interval rather than one per request.
    /// </summary>
    [Range(0, 60_000, ErrorMessage = "must be from 0 to 60000 milliseconds")]
    public int RedisRetryMilliseconds { get; set; } = 1000;

    /// <summary>
    /// At most this many decisions in one Redis call. Decisions that arrive while a call is out
    /// wait for it and then go together; a lone request never waits for company.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int BatchSize { get; set; } = 128;

    /// <summary>
    /// At most this many tokens a replica takes ahead from an app-and-token's shared buckets in a
    /// call, and spends on that pair's next requests without asking Redis (never more than an
    /// eighth of what a bucket has left, so near the limit every decision is a Redis call). Saves
    /// most of the Redis round trips of a busy app; 0 sends every decision to Redis.
    /// </summary>
    [Range(0, 10_000, ErrorMessage = "must be from 0 to 10000")]
    public int LeaseSize { get; set; } = 32;

    /// <summary>
    /// Leased tokens not spent within this time are given up: the most a lease can shift an app's
    /// allowance in time, and the most tokens one replica can strand when the app's traffic moves.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000 milliseconds")]
    public int LeaseMilliseconds { get; set; } = 250;

    [Required(ErrorMessage = "is required")]
    public string KeyPrefix { get; set; } = "patientaccess:ratelimit:";

    /// <summary>
    /// Where the monitor's throttles live: while the Redis hash <c>{prefix}{client_id}</c> exists
    /// (fields <c>per_second</c>, a decimal number, and <c>burst</c>, a whole number; the monitor
    /// gives it a TTL equal to the throttle's duration), every replica limits that app to the
    /// tighter of its normal limit and the throttle. Read by the rate-limit script in the same call
    /// as the app's bucket (no extra round trip; seen by every replica on the next decision, and
    /// by at most <see cref="LeaseMilliseconds"/> later where tokens were leased before). A
    /// malformed hash is ignored with a warning: a throttle can only tighten a limit. Empty turns
    /// throttles off (not advised: the monitor's throttle actions would then do nothing).
    /// </summary>
    public string ThrottleKeyPrefix { get; set; } = "patientaccess:throttle:";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var results = new List<ValidationResult>();
        foreach (var (name, limit) in new[] { (nameof(Client), Client), (nameof(Token), Token), (nameof(Address), Address), (nameof(Preflight), Preflight) }
            .Concat(Clients.Select(c => ($"{nameof(Clients)}:{c.Key}", c.Value))))
        {
            var inner = new List<ValidationResult>();
            if (!Validator.TryValidateObject(limit, new ValidationContext(limit), inner, validateAllProperties: true))
            {
                results.AddRange(inner.Select(r => new ValidationResult(r.ErrorMessage, [$"{name}:{r.MemberNames.FirstOrDefault()}"])));
            }
        }

        return results;
    }
}
