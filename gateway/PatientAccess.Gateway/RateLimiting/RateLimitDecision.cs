namespace PatientAccess.Gateway.RateLimiting;

/// <summary>One decision: allowed or not, what is left in the tightest bucket, and when to retry.</summary>
public readonly record struct RateLimitDecision(bool Allowed, long Remaining, TimeSpan RetryAfter, bool Local, bool Unavailable = false);
