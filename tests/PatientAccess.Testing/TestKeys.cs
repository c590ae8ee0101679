using System.Security.Cryptography;
using System.Text;

namespace PatientAccess.Testing;

/// <summary>Secrets for test runs only: fixed, so a failing run can be reproduced by hand.</summary>
public static class TestKeys
{
    /// <summary>The gateway/store member-context key (base64 of 32 bytes).</summary>
    public static readonly string MemberContext = Convert.ToBase64String(Encoding.ASCII.GetBytes("test-member-context-key-32-bytes"));

    /// <summary>An operator key, and the hash the store is configured with.</summary>
    public const string Operator = "test-operator-key";

    public static string OperatorHash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Operator)));

    public static byte[] MemberContextBytes => Convert.FromBase64String(MemberContext);

    /// <summary>The authserver's admin API key (security staff), and its hash.</summary>
    public const string Admin = "test-admin-api-key";

    public static string AdminHash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Admin))).ToLowerInvariant();

    /// <summary>The gateways' read-only key for the authserver's revocation feed, and its hash.</summary>
    public const string RevocationFeed = "test-revocation-feed-key";

    public static string RevocationFeedHash => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(RevocationFeed))).ToLowerInvariant();
}
