namespace PatientAccess.AuthServer.Admin;

/// <summary>
/// Marks the admin API endpoints the gateways' read-only key (<c>Admin:RevocationFeedKeyHashes</c>)
/// may call: the revocation feed and an app's rate limit. Every other admin endpoint needs an admin key.
/// </summary>
internal sealed class RevocationFeedAccess
{
    public static RevocationFeedAccess Instance { get; } = new();

    private RevocationFeedAccess()
    {
    }
}
