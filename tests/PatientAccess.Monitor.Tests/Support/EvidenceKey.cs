using System.Security.Cryptography;
using System.Text;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>The tests' read-only evidence key (contract 3) and the hash the monitor is configured with.</summary>
internal static class EvidenceKey
{
    public const string Value = "test-evidence-key-fedcba9876543210fedcba9876543210";

    public static string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)));

    public static Dictionary<string, string?> Settings => new(StringComparer.Ordinal) { ["Staff:EvidenceKeyHashes:0"] = Hash };
}
