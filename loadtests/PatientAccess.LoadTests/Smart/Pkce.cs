using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PatientAccess.LoadTests.Smart;

/// <summary>RFC 7636 with S256, and the random values an app puts in an authorize request.</summary>
internal static class Pkce
{
    /// <summary>32 random bytes, base64url: 43 characters, the shortest verifier RFC 7636 §4.1 allows, with 256 bits of entropy.</summary>
    public static string NewVerifier() => RandomValue(32);

    public static string Challenge(string verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
    }

    /// <summary>An unguessable base64url value, for state and nonce.</summary>
    public static string RandomValue(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
