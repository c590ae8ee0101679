namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// One grant of tokens taken ahead from the shared buckets: how many are left, the
/// <c>RateLimit</c> remaining figure the next of them reports, and when they lapse.
/// </summary>
internal sealed class LeasedTokens(long tokens, long remaining, long expiresAt)
{
    public long Tokens { get; set; } = tokens;

    public long Remaining { get; set; } = remaining;

    public long ExpiresAt { get; } = expiresAt;
}
