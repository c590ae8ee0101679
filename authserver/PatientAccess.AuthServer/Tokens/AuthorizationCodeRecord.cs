namespace PatientAccess.AuthServer.Tokens;

/// <summary>An issued authorization code, stored by hash. Single use: <see cref="ConsumedAt"/> is set exactly once.</summary>
internal sealed class AuthorizationCodeRecord
{
    public required string CodeHash { get; set; }

    public required string GrantId { get; set; }

    public required string ClientId { get; set; }

    public required string RedirectUri { get; set; }

    public required string CodeChallenge { get; set; }

    public string? Nonce { get; set; }

    public long IssuedAt { get; set; }

    public long ExpiresAt { get; set; }

    public long? ConsumedAt { get; set; }
}
