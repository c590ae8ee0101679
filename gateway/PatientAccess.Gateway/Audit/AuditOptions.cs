using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Audit;

/// <summary>Where audit events go. Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The Redis stream the monitor reads.</summary>
    [Required(ErrorMessage = "is required")]
    public string StreamKey { get; set; } = "patientaccess:audit";

    /// <summary>
    /// The stream's one cap, a safety valve: after each append the gateway trims the oldest
    /// entries beyond it (<c>XTRIM MAXLEN ~</c>, whole nodes, never below the cap), whoever wrote
    /// them; other producers append without a cap of their own. Every trimmed entry that
    /// <see cref="ConsumerGroup"/> had not read is counted
    /// (<c>patientaccess_gateway_audit_trimmed_unread_total</c>) and logged. Give every replica the same value.
    /// </summary>
    [Range(1000, 1_000_000_000, ErrorMessage = "must be from 1000 to 1000000000")]
    public long MaxStreamLength { get; set; } = 10_000_000;

    /// <summary>
    /// The stream's consumer group that stores the events (the monitor's). Entries it has
    /// acknowledged may be trimmed silently; any other trim loses events and is counted and logged.
    /// While the group does not exist, every trimmed entry counts as unread.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string ConsumerGroup { get; set; } = "monitor";

    /// <summary>
    /// The append-only file, under <c>Service:DataDirectory</c>, holding events while Redis is down;
    /// replayed in order when it returns, also after a restart. Give each replica its own.
    /// </summary>
    [Required(ErrorMessage = "is required")]
    public string SpoolFile { get; set; } = "gateway-audit.spool";

    [Range(1, 10_000, ErrorMessage = "must be from 1 to 10000")]
    public int BatchSize { get; set; } = 256;

    /// <summary>
    /// How long queued events may gather before they are written (0: write at once). Up to this
    /// long more is held in memory only.
    /// </summary>
    [Range(0, 1000, ErrorMessage = "must be from 0 to 1000 milliseconds")]
    public int FlushMilliseconds { get; set; } = 20;
}
