using System.Net.Http.Headers;
using PatientAccess.Testing;

namespace PatientAccess.AuthServer.Tests.Integration.Production;

/// <summary>The staff key tests configure (and the gateways' feed key, so tests can show it refused too).</summary>
internal static class StaffKey
{
    public const string Value = "test-staff-key-Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA";

    public static string Hash => Protocol.Secrets.HexHash(Value).ToLowerInvariant();

    /// <summary>What the staff key opens as <c>Staff.StaffActor</c>: a fingerprint, never the key.</summary>
    public static string Actor => "staff:" + Hash[..12];

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Staff:KeyHashes:0"] = Hash,
            ["Admin:RevocationFeedKeyHashes:0"] = TestKeys.RevocationFeedHash,
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    public static HttpClient Client(AuthServerHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.Browser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Value);
        return client;
    }
}
