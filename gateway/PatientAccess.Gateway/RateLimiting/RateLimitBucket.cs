namespace PatientAccess.Gateway.RateLimiting;

/// <summary>
/// A bucket to charge: its storage key and its limit, and the key of the throttle that may
/// tighten that limit for a while (an app's bucket names its <c>patientaccess:throttle:{client_id}</c>;
/// null for buckets no throttle applies to).
/// </summary>
public readonly record struct RateLimitBucket(string Key, BucketLimit Limit, string? ThrottleKey = null);
