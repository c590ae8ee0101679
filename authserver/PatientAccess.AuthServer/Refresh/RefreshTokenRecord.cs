namespace PatientAccess.AuthServer.Refresh;

/// <summary>A refresh token, stored by hash. Rotated on use: a consumed one presented again means theft.</summary>
internal sealed class RefreshTokenRecord
{
    public required string TokenHash { get; set; }

    public required string GrantId { get; set; }

    public required string ClientId { get; set; }

    public long IssuedAt { get; set; }

    public long ExpiresAt { get; set; }

    public long? ConsumedAt { get; set; }

    /// <summary>Issued for <c>online_access</c> (short lifetime) rather than <c>offline_access</c>.</summary>
    public bool Online { get; set; }
}
