namespace PatientAccess.Gateway.RateLimiting;

/// <summary>A bucket to charge: its storage key and its limit.</summary>
public readonly record struct RateLimitBucket(string Key, BucketLimit Limit);
