using System.ComponentModel.DataAnnotations;

namespace PatientAccess.AuthServer.Member;

/// <summary>The member pages' limits. Section <c>MemberApp</c>.</summary>
internal sealed class MemberAppOptions
{
    public const string Section = "MemberApp";

    /// <summary>Idle minutes before a member's browser session ends and they must sign in again.</summary>
    [Range(5, 24 * 60, ErrorMessage = "must be from 5 to 1440")]
    public int SessionMinutes { get; set; } = 30;

    /// <summary>How long an e-mailed code stays valid (the issue says 10 minutes).</summary>
    [Range(1, 60, ErrorMessage = "must be from 1 to 60")]
    public int CodeMinutes { get; set; } = 10;

    /// <summary>Wrong entries one code survives before it is dead and a new one must be sent.</summary>
    [Range(1, 20, ErrorMessage = "must be from 1 to 20")]
    public int CodeAttempts { get; set; } = 5;

    /// <summary>
    /// Failed identity checks for one member ID before registration for it is locked. Wrong codes
    /// are not counted per e-mail address (anyone can type any address): they kill their own code
    /// after <see cref="CodeAttempts"/> and count against the client address.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int MaxFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed identity checks or codes from one client address before it is locked.</summary>
    [Range(1, 10000, ErrorMessage = "must be from 1 to 10000")]
    public int MaxFailuresPerAddress { get; set; } = 20;

    /// <summary>The window failures are counted in, and how long a lockout lasts.</summary>
    [Range(1, 24 * 60, ErrorMessage = "must be from 1 to 1440")]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Code e-mails (sign-in, registration, "send a new code") to one address, from every client
    /// together, in <see cref="CodeSendWindowMinutes"/>: keeps a mailbox from being flooded and
    /// bounds the guesses anyone gets at that account's codes (sends × <see cref="CodeAttempts"/>).
    /// Counted alike whether or not the address has an account, so the limit tells no one which do.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int CodeSendsPerAccount { get; set; } = 10;

    /// <summary>
    /// Code e-mails to one address from one client address in <see cref="CodeSendWindowMinutes"/>;
    /// lower than <see cref="CodeSendsPerAccount"/>, so one outsider cannot spend a member's whole budget.
    /// </summary>
    [Range(1, 1000, ErrorMessage = "must be from 1 to 1000")]
    public int CodeSendsPerAccountPerAddress { get; set; } = 3;

    /// <summary>The window the two per-account send limits count in.</summary>
    [Range(1, 24 * 60, ErrorMessage = "must be from 1 to 1440")]
    public int CodeSendWindowMinutes { get; set; } = 15;

    /// <summary>Code e-mails (to any addresses, with or without accounts) one client address may ask for in <see cref="CodeSendAddressWindowMinutes"/>.</summary>
    [Range(1, 100000, ErrorMessage = "must be from 1 to 100000")]
    public int CodeSendsPerAddress { get; set; } = 20;

    /// <summary>The window <see cref="CodeSendsPerAddress"/> counts in.</summary>
    [Range(1, 24 * 60, ErrorMessage = "must be from 1 to 1440")]
    public int CodeSendAddressWindowMinutes { get; set; } = 60;

    /// <summary>
    /// The demo members (FHIR Patient ids) a sandbox app may be authorized for; any other
    /// member is refused to sandbox apps. Default: John Allen and the Rivera family.
    /// </summary>
    public IList<string> DemoPatientIds { get; } = [];

    public static IReadOnlyList<string> DefaultDemoPatientIds { get; } =
    [
        "demo-john-allen", "family-rivera-subscriber", "family-rivera-spouse", "family-rivera-child1", "family-rivera-child2",
    ];

    public IReadOnlyCollection<string> EffectiveDemoPatientIds =>
        DemoPatientIds.Any(p => !string.IsNullOrWhiteSpace(p)) ? [.. DemoPatientIds] : DefaultDemoPatientIds;
}
