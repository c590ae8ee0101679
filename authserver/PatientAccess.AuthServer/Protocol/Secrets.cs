using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PatientAccess.AuthServer.Protocol;

/// <summary>
/// Random handles (codes, refresh tokens, client secrets) and their stored form. Every
/// handle carries 256 random bits, so a plain SHA-256 is a sufficient one-way storage form:
/// a slow password hash only helps against guessing low-entropy secrets, which these are not.
/// </summary>
internal static class Secrets
{
    /// <summary>256 random bits, base64url without padding (43 characters).</summary>
    public static string NewHandle() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>A shorter random identifier for non-secret ids (grant ids, request ids): 128 bits.</summary>
    public static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));

    /// <summary>The stored form of a handle: SHA-256 of its UTF-8 bytes, base64url.</summary>
    public static string Hash(string handle) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));

    /// <summary>Upper-case hex SHA-256, the form operators configure API-key hashes in.</summary>
    public static string HexHash(string value) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Compares two strings in time that depends only on their lengths, never on where they differ.</summary>
    public static bool FixedTimeEquals(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(left), Encoding.UTF8.GetBytes(right));
    }

    /// <summary>Whether <paramref name="handle"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string handle, string? storedHash) => FixedTimeEquals(Hash(handle), storedHash);
}
