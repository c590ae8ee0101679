using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// Client secrets are generated here, never chosen by people: 256 random bits. Stored as
/// <c>sha256:</c> + base64url(SHA-256(secret)). With that much entropy an offline attacker
/// holding the hash cannot search the secret space, so PBKDF2's deliberate slowness would
/// buy nothing while costing every token request tens of milliseconds of CPU.
/// </summary>
internal static class ClientSecrets
{
    private const string Prefix = "sha256:";

    public static (string Secret, string Hash) Create()
    {
        var secret = Secrets.NewHandle();
        return (secret, HashOf(secret));
    }

    public static string HashOf(string secret) => Prefix + Secrets.Hash(secret);

    /// <summary>Constant-time check; false for a client without a secret.</summary>
    public static bool Verify(string presented, string? storedHash) =>
        storedHash is not null && Secrets.FixedTimeEquals(HashOf(presented), storedHash);
}
