namespace PatientAccess.Gateway.RateLimiting;

/// <summary>What one script call came back with: a decision per request, a Redis failure (fall back), or a defect (fail the requests).</summary>
internal readonly record struct BatchOutcome(RateLimitDecision[]? Decisions, string? RedisError, Exception? Defect);
