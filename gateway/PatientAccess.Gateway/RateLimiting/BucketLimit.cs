using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.RateLimiting;

/// <summary>A token bucket: up to <see cref="Burst"/> requests at once, refilled at <see cref="PerSecond"/>.</summary>
public sealed class BucketLimit
{
    [Range(1, 1_000_000, ErrorMessage = "must be from 1 to 1000000 requests")]
    public int Burst { get; set; }

    [Range(0.001, 1_000_000, ErrorMessage = "must be from 0.001 to 1000000 requests per second")]
    public double PerSecond { get; set; }

    /// <summary>Seconds an empty bucket takes to fill: the window advertised in <c>RateLimit-Policy</c>.</summary>
    public int WindowSeconds => Math.Max(1, (int)Math.Ceiling(Burst / PerSecond));

    public static BucketLimit Of(int burst, double perSecond) => new() { Burst = burst, PerSecond = perSecond };
}
