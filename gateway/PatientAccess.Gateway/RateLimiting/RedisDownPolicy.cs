namespace PatientAccess.Gateway.RateLimiting;

/// <summary>What rate limiting does while Redis cannot be reached.</summary>
public enum RedisDownPolicy
{
    /// <summary>Each replica enforces the same limits on its own: service continues, a client may get up to N times its rate across N replicas.</summary>
    LocalLimits,

    /// <summary>Refuse (503) every request that needs a decision: no client can exceed its limit, nobody is served.</summary>
    Refuse,
}
