using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Developer;

/// <summary>The developer portal's limits (pages at <c>/developer</c>, API at <c>/api/developer</c>). Section <c>DeveloperPortal</c>.</summary>
internal sealed class DeveloperPortalOptions
{
    public const string Section = "DeveloperPortal";

    /// <summary>Idle minutes before a developer's session (cookie or API bearer token) ends; each use slides it.</summary>
    [Range(5, 24 * 60, ErrorMessage = "must be from 5 to 1440")]
    public int SessionMinutes { get; set; } = 60;

    /// <summary>Hours after sign-in when a session ends however busy it is, so a stolen handle does not live for ever.</summary>
    [Range(1, 7 * 24, ErrorMessage = "must be from 1 to 168")]
    public int SessionMaxHours { get; set; } = 12;

    /// <summary>How long an e-mailed sign-in code stays valid.</summary>
    [Range(1, 60, ErrorMessage = "must be from 1 to 60")]
    public int CodeMinutes { get; set; } = 10;

    /// <summary>Wrong entries one code survives; then it is dead and a new one must be sent.</summary>
    [Range(1, 20, ErrorMessage = "must be from 1 to 20")]
    public int CodeAttempts { get; set; } = 5;

    /// <summary>
    /// Code e-mails to one address, from every client together, in <see cref="CodeSendWindowMinutes"/>
    /// (the member pages' rule): bounds the guesses at that address's codes and keeps its mailbox from
    /// being flooded. Counted alike whether or not the address has an account.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int CodeSendsPerAccount { get; set; } = 10;

    /// <summary>Code e-mails to one address from one client address in the window: one outsider cannot spend an address's whole budget.</summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int CodeSendsPerAccountPerAddress { get; set; } = 3;

    /// <summary>The window the two per-account send limits count in.</summary>
    [Range(1, 24 * 60, ErrorMessage = "must be from 1 to 1440")]
    public int CodeSendWindowMinutes { get; set; } = 15;

    /// <summary>Code e-mails (to any addresses) one client address may ask for in an hour.</summary>
    [Range(1, 100000, ErrorMessage = "must be from 1 to 100000")]
    public int CodeSendsPerAddress { get; set; } = 20;

    /// <summary>Wrong codes from one client address in <see cref="LockoutMinutes"/> before it may try no more; never counted per e-mail address.</summary>
    [Range(1, 10000, ErrorMessage = "must be from 1 to 10000")]
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>The window wrong codes are counted in, and how long a client address is then refused.</summary>
    [Range(1, 24 * 60, ErrorMessage = "must be from 1 to 1440")]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Apps one developer may register (bounds what one account can make the plan store and review).</summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int MaxClientsPerDeveloper { get; set; } = 25;

    /// <summary>Redirect URLs one app may register.</summary>
    [Range(1, 100, ErrorMessage = "must be from 1 to 100")]
    public int MaxRedirectUris { get; set; } = 10;

    /// <summary>Longest redirect URL or website accepted, in characters.</summary>
    [Range(32, 4096, ErrorMessage = "must be from 32 to 4096")]
    public int MaxUrlLength { get; set; } = 512;

    /// <summary>Largest logo file, in bytes (PNG or JPEG; the content is checked, never the name or Content-Type).</summary>
    [Range(1024, 4 * 1024 * 1024, ErrorMessage = "must be from 1024 to 4194304")]
    public int MaxLogoBytes { get; set; } = 256 * 1024;

    /// <summary>Largest logo width and height, in pixels.</summary>
    [Range(16, 8192, ErrorMessage = "must be from 16 to 8192")]
    public int MaxLogoPixels { get; set; } = 1024;

    /// <summary>Smallest logo width and height, in pixels (smaller cannot be read in the gallery).</summary>
    [Range(1, 1024, ErrorMessage = "must be from 1 to 1024")]
    public int MinLogoPixels { get; set; } = 32;

    /// <summary>
    /// Seconds between copies of successful demo token exchanges into the evidence table (they are
    /// also copied whenever a client's evidence is read), so a grant the developer revokes later,
    /// which deletes its code, keeps its evidence. 0: only when read.
    /// </summary>
    [Range(0, 24 * 3600, ErrorMessage = "must be from 0 to 86400")]
    public int EvidenceCopySeconds { get; set; } = 60;
}
