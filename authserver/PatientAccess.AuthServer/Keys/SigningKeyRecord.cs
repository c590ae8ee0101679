namespace PatientAccess.AuthServer.Keys;

/// <summary>
/// One RSA signing key and its life: published from creation, used for signing from
/// <see cref="ActivatesAt"/> to <see cref="RetiresAt"/>, published until <see cref="PublishedUntil"/>
/// (retirement plus the longest token lifetime). Times are Unix seconds.
/// </summary>
internal sealed class SigningKeyRecord
{
    public required string Kid { get; set; }

    public long CreatedAt { get; set; }

    public long ActivatesAt { get; set; }

    public long RetiresAt { get; set; }

    public long PublishedUntil { get; set; }

    /// <summary>RSA modulus, base64url, as published in the JWKS.</summary>
    public required string Modulus { get; set; }

    /// <summary>RSA public exponent, base64url.</summary>
    public required string Exponent { get; set; }

    /// <summary>The PKCS#8 private key sealed by <see cref="PrivateKeyProtector"/>.</summary>
    public required string ProtectedPrivateKey { get; set; }
}
