namespace PatientAccess.AuthServer.Authorize;

/// <summary>
/// A validated authorize request waiting for the member to sign in and consent. Kept on the
/// server so nothing the app sent has to travel through the member's browser again.
/// </summary>
internal sealed class PendingAuthorization
{
    public required string RequestId { get; set; }

    public required string ClientId { get; set; }

    public required string RedirectUri { get; set; }

    /// <summary>What the app asked for, as sent.</summary>
    public required string RequestedScope { get; set; }

    /// <summary>What this server is willing to grant (read-only, within the client's allowance).</summary>
    public required string GrantableScope { get; set; }

    public string? State { get; set; }

    public required string CodeChallenge { get; set; }

    public string? Nonce { get; set; }

    public long CreatedAt { get; set; }

    public long ExpiresAt { get; set; }
}
