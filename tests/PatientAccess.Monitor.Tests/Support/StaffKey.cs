using System.Security.Cryptography;
using System.Text;

namespace PatientAccess.Monitor.Tests.Support;

/// <summary>The tests' staff key and the hash the monitor is configured with.</summary>
internal static class StaffKey
{
    public const string Value = "test-staff-key-0123456789abcdef0123456789abcdef";

    public static string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value)));
}
