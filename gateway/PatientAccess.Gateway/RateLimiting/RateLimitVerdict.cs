namespace PatientAccess.Gateway.RateLimiting;

/// <summary>A charge's decision with the policy it was made under, which its answer names.</summary>
internal readonly record struct RateLimitVerdict(RateLimitDecision Decision, string Policy, BucketLimit Primary)
{
    public bool Allowed => Decision.Allowed;
}
