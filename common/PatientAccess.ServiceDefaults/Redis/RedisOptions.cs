using System.ComponentModel.DataAnnotations;

namespace PatientAccess.ServiceDefaults.Redis;

/// <summary>The shared Redis (rate limits, revocations, audit stream). Section <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, for example <c>127.0.0.1:6379,password=...</c>.</summary>
    [Required(ErrorMessage = "is required")]
    public string ConnectionString { get; set; } = "127.0.0.1:6379";

    /// <summary>How long one connection attempt or command may take before it counts as a failure.</summary>
    [Range(100, 60_000, ErrorMessage = "must be from 100 to 60000 milliseconds")]
    public int TimeoutMilliseconds { get; set; } = 2000;
}
