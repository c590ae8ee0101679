namespace PatientAccess.AuthServer.Member.Security;

/// <summary>
/// Failed identity checks or codes counted for one subject (a member ID, an e-mail address or a
/// client address), stored by hash so the table names no one. In the database, so every replica
/// sees the same count.
/// </summary>
internal sealed class LockoutRecord
{
    public required string KeyHash { get; set; }

    public int Failures { get; set; }

    public long WindowStartedAt { get; set; }

    public long LockedUntil { get; set; }
}
