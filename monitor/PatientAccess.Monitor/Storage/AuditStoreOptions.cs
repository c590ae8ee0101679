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

    /// <summary>
    /// SQLite only: the page cache of each of the store's connections, in MiB (default 64; SQLite's
    /// own default is 2). The consumer inserts into five indexes whose pages are spread over the
    /// file (a member's, an app's, an address's events); with SQLite's 2 MiB most of them went back to
    /// the operating system for every batch (docs/performance.md, "Monitor"). Pages are taken as
    /// they are used, so a quiet monitor never holds it all.
    /// </summary>
    [Range(2, 4096, ErrorMessage = "must be from 2 to 4096")]
    public int SqliteCacheMegabytes { get; set; } = 64;

    /// <summary>
    /// SQLite only: the WAL pages after which a commit copies them into the database file (SQLite's
    /// <c>wal_autocheckpoint</c>; default 20000 pages, about 80 MiB; SQLite's own default is 1000).
    /// Each checkpoint rewrites every index page the batches since the last one touched and syncs the
    /// file: at SQLite's default a saturated gateway's events caused one every few batches and the
    /// same index pages were written again and again. The WAL file grows to about this size before it
    /// is reused; readers are not slowed by it.
    /// </summary>
    [Range(100, 1_000_000, ErrorMessage = "must be from 100 to 1000000")]
    public int SqliteCheckpointPages { get; set; } = 20_000;
}
