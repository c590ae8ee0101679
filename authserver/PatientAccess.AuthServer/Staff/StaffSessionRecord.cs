namespace PatientAccess.AuthServer.Staff;

/// <summary>A signed-in staff browser: the cookie holds a random handle, this table only its hash. Unix seconds.</summary>
internal sealed class StaffSessionRecord
{
    public required string SessionHash { get; set; }

    /// <summary>The <see cref="StaffActor"/> id of the key signed in with (never the key).</summary>
    public required string Actor { get; set; }

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }
}
