using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Monitor.Storage;

/// <summary>How the AuditEvent store writes. Section <c>AuditStore</c>.</summary>
public sealed class AuditStoreOptions
{
    public const string Section = "AuditStore";

    /// <summary>
    /// SQLite only: <c>FULL</c> (default) or <c>NORMAL</c>, SQLite's <c>synchronous</c> setting on the
    /// store's connections (the database is in WAL mode). FULL syncs the WAL at every commit, so an
    /// event is on disk before the consumer acknowledges it and the gateway may trim it: nothing
    /// acknowledged is ever lost, even to a power cut. NORMAL syncs only at checkpoints: never
    /// corrupt and safe against a crashed or killed process, but a power cut or kernel crash can lose
    /// the commits since the last checkpoint, events Redis no longer holds. NORMAL is for machines
    /// whose disk cannot sync fast enough at the audit rate (docs/performance.md, "Monitor").
    /// </summary>
    [RegularExpression("^(FULL|NORMAL)$", ErrorMessage = "must be FULL or NORMAL")]
    public string SqliteSynchronous { get; set; } = "FULL";
}
