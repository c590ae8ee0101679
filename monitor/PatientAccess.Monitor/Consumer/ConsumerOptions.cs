using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Consumer;

/// <summary>How the monitor reads the audit stream. Section <c>Audit</c> (the gateway's section of the same name names the same stream and group).</summary>
public sealed class ConsumerOptions
{
    public const string Section = "Audit";

    /// <summary>The stream every producer appends to: the gateway's request events and the authserver's authorization events.</summary>
    [Required(ErrorMessage = "is required")]
    public string StreamKey { get; set; } = "patientaccess:audit";

    /// <summary>
    /// The consumer group, created at the start of the stream if missing. The gateway trims only what
    /// this group acknowledged, and the monitor acknowledges only after its database commit, so every
    /// gateway replica and monitor process must use the same name.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string ConsumerGroup { get; set; } = "monitor";

    /// <summary>
    /// This process' consumer name in the group; empty: host name and process id, so several monitor
    /// processes share the group and a restarted one is a new consumer (its predecessor's pending
    /// entries are claimed after <see cref="ClaimIdleSeconds"/>).
    /// </summary>
    public string ConsumerName { get; set; } = string.Empty;

    /// <summary>
    /// Most entries read, stored in one database transaction and acknowledged per round (default
    /// 2000). A quiet stream gives smaller rounds (what is there); a backlog or a saturated gateway
    /// fills them, and then fewer, larger commits pay: on SQLite (synchronous FULL) 23,400 events/s
    /// at 2000 against 18,200/s at 500, measured in one run (docs/performance.md, "Monitor").
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int BatchSize { get; set; } = 2000;

    /// <summary>
    /// The wait before reading again when the stream had nothing new (default 20). StackExchange.Redis
    /// shares one connection, so reads never block in Redis (no XREADGROUP BLOCK); this poll is the
    /// worst delay it adds between a misbehaving request and its detection, on the path that has
    /// 1 s to end in every gateway refusing the app. At 100 it was most of the median
    /// (docs/performance.md, "Monitor: threshold crossing"); an idle monitor's 50 empty reads a second
    /// are nothing to Redis.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000 milliseconds")]
    public int PollMilliseconds { get; set; } = 20;

    /// <summary>
    /// An entry delivered to a consumer and not acknowledged for this long is taken over (XAUTOCLAIM)
    /// by another: its consumer died or hangs. Longer than the slowest batch commit, or a live
    /// consumer's batch is stored twice (harmless: duplicates are dropped by event id, but wasted).
    /// </summary>
    [Range(1, 86_400, ErrorMessage = "must be from 1 to 86400 seconds")]
    public int ClaimIdleSeconds { get; set; } = 30;

    /// <summary>How often the consumer lag metrics are measured.</summary>
    [Range(100, 60_000, ErrorMessage = "must be from 100 to 60000 milliseconds")]
    public int LagIntervalMilliseconds { get; set; } = 1000;

    public string EffectiveConsumerName => ConsumerName.Length > 0
        ? ConsumerName
        : $"{Environment.MachineName}-{Environment.ProcessId}";
}
