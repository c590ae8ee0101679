using Microsoft.IdentityModel.Tokens;

namespace PatientAccess.AuthServer.Keys;

/// <summary>A loaded signing key: its schedule and the RSA key with its private half.</summary>
internal sealed record SigningKey(SigningKeyRecord Record, RsaSecurityKey SecurityKey, CryptoProviderFactory CryptoProviders)
{
    public string Kid => Record.Kid;

    public bool SignsAt(long unixSeconds) => Record.ActivatesAt <= unixSeconds && unixSeconds < Record.RetiresAt;

    public bool PublishedAt(long unixSeconds) => unixSeconds < Record.PublishedUntil;

    public SigningCredentials Credentials => new(SecurityKey, SecurityAlgorithms.RsaSha256) { CryptoProviderFactory = CryptoProviders };
}
