namespace PatientAccess.AuthServer.Revocation;

/// <summary>
/// One entry of the revocation list the gateways enforce. A client or grant entry revokes
/// every token of that client or grant issued at or before <see cref="RevokedAt"/>; a token
/// entry revokes one access token by jti. Kept until <see cref="ExpiresAt"/>, when every
/// token it could match has expired anyway.
/// </summary>
internal sealed class RevocationRecord
{
    /// <summary>Increasing sequence number: the gateways' cursor into the feed.</summary>
    public long Sequence { get; set; }

    public required string Kind { get; set; }

    public required string Subject { get; set; }

    public long RevokedAt { get; set; }

    public long ExpiresAt { get; set; }
}
