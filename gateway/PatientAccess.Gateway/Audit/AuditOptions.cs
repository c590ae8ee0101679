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
    /// The stream's hard cap, a last resort only: the stream is trimmed after each append to what
    /// <see cref="ConsumerGroup"/> has acknowledged (the monitor acknowledges after its database
    /// commit), so nothing it has not stored is trimmed, and a monitor outage grows the stream
    /// (visible as <c>patientaccess_gateway_audit_lag_entries</c> and <c>_lag_seconds</c>) instead
    /// of losing events. Beyond this length the oldest entries are trimmed all the same
    /// (<c>XTRIM MAXLEN ~</c>, whole nodes, never below the cap) so that Redis, which also holds the
    /// rate limits and revocations, does not run out of memory; every entry trimmed that way
    /// unacknowledged is an event lost, counted (<c>patientaccess_gateway_audit_trimmed_unread_total</c>)
    /// and logged. 0: no cap at all. The default, 10,000,000 (about 6 GB, over half an hour at
    /// 5,000 requests a second), should never bite while the monitor runs. Give every replica the same value.
    /// </summary>
    [Range(0, 1_000_000_000, ErrorMessage = "must be from 0 (no cap) to 1000000000")]
    public long MaxStreamLength { get; set; } = 10_000_000;

    /// <summary>
    /// The name of this replica in its audit events (<c>replica</c>; the AuditEvent's source
    /// observer). Empty: the host name and <c>Service:Port</c>.
    /// </summary>
    public string Replica { get; set; } = string.Empty;

    /// <summary>
    /// The stream's consumer group that stores the events (the monitor's). Entries it has
    /// acknowledged are trimmed; no other entry is, but by the hard cap. While the group does not
    /// exist nothing is trimmed but by the cap, and the whole stream counts as lag.
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
