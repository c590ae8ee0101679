using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Gateway.Audit;

/// <summary>Where audit events go. Section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The Redis stream the monitor reads.</summary>
    [Required(ErrorMessage = "is required")]
    public string StreamKey { get; set; } = "patientaccess:audit";

    /// <summary>Approximate cap on the stream (XADD MAXLEN ~); the monitor consumes far faster.</summary>
    [Range(1000, 1_000_000_000, ErrorMessage = "must be from 1000 to 1000000000")]
    public long MaxStreamLength { get; set; } = 10_000_000;

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
