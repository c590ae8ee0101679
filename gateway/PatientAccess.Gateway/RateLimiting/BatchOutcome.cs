using StackExchange.Redis;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>What one script call came back with: the answer, a Redis failure (fall back), or a defect (fail the requests).</summary>
internal readonly record struct BatchOutcome(RedisResult[]? Result, string? RedisError, Exception? Defect);
