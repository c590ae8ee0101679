using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Flags;

/// <summary>The review queue's upkeep. Section <c>Flags</c>.</summary>
public sealed class FlagsOptions
{
    public const string Section = "Flags";

    /// <summary>
    /// How often throttles that ran out are closed, due enforcement retries are made and the queue
    /// gauges are refreshed (default 1000 ms: a throttle's flag closes within a second of its key expiring).
    /// </summary>
    [Range(100, 60_000, ErrorMessage = "must be from 100 to 60000 milliseconds")]
    public int MaintenanceIntervalMilliseconds { get; set; } = 1000;

    /// <summary>At most this many flags are listed by <c>GET /api/reviews</c> without <c>state=open</c> (default 1000, newest first).</summary>
    [Range(1, 100_000, ErrorMessage = "must be from 1 to 100000")]
    public int ListLimit { get; set; } = 1000;
}
