namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// One decision: allowed or not, what is left in the tightest bucket, and when to retry;
/// <see cref="Throttle"/> is the throttle that tightened the app's limit for it, when one did.
/// </summary>
public readonly record struct RateLimitDecision(bool Allowed, long Remaining, TimeSpan RetryAfter, bool Local, bool Unavailable = false, BucketLimit? Throttle = null);
