using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using PatientAccess.AuthServer.Protocol;

namespace PatientAccess.AuthServer.Tokens;

/// <summary>RFC 7636 with the S256 method only: plain offers no protection once the request leaks.</summary>
internal static partial class Pkce
{
    /// <summary>A S256 challenge is base64url of a SHA-256: exactly 43 characters.</summary>
    public static bool IsValidChallenge(string challenge) => S256Challenge().IsMatch(challenge);

    /// <summary>§4.1: 43 to 128 unreserved characters.</summary>
    public static bool IsValidVerifier(string verifier) => Verifier().IsMatch(verifier);

    public static string ChallengeOf(string verifier) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    /// <summary>§4.6, compared in constant time. A verifier equal to the challenge is refused outright: it shows a client sending its challenge as if it were the secret.</summary>
    public static bool Verify(string verifier, string challenge) =>
        IsValidVerifier(verifier)
        && !string.Equals(verifier, challenge, StringComparison.Ordinal)
        && Secrets.FixedTimeEquals(ChallengeOf(verifier), challenge);

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$", RegexOptions.CultureInvariant)]
    private static partial Regex S256Challenge();

    [GeneratedRegex(@"^[A-Za-z0-9\-._~]{43,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex Verifier();
}
