using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PatientAccess.MemberContext;

/// <summary>
/// Signs and verifies the <see cref="HeaderName"/> header the gateway sends to the
/// fhir-store: <c>v2.{base64url(json)}.{base64url(HMAC-SHA256)}</c>, the MAC covering the
/// payload and the request's method and target, so a captured header is worthless for
/// any other request and for longer than its few seconds of life.
/// </summary>
/// <remarks>
/// v2 added the resource types the token's scopes allow (issue 12): a v1 context, which had
/// none, is refused as malformed rather than read as "every type".
/// <para>Why an HMAC header rather than forwarding the app's token or mutual TLS: the store must
/// not re-derive what an app may see (the gateway owns scopes and consent), the check costs
/// about a microsecond, and it works unchanged on loopback and on a container network.
/// Several keys are accepted so the shared secret can be rotated without downtime; the
/// first one signs.</para>
/// </remarks>
public sealed class MemberContextCodec
{
    public const string HeaderName = "X-PatientAccess-Member-Context";
    private const string Version = "v2";

    private readonly byte[][] _keys;

    public MemberContextCodec(IEnumerable<byte[]> keys)
    {
        _keys = [.. keys];
        if (_keys.Length == 0 || _keys.Any(k => k.Length < 32))
        {
            throw new ArgumentException("at least one key of 32 bytes or more is required", nameof(keys));
        }
    }

    public string Sign(MemberContext context, string method, string target)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(Wire.From(context), WireJson.Default.Wire));
        return $"{Version}.{payload}.{Base64Url(Mac(_keys[0], payload, method, target))}";
    }

    public MemberContextResult Verify(string? header, string method, string target, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return MemberContextResult.Fail("no member context");
        }

        var parts = header.Split('.');
        if (parts.Length != 3 || parts[0] != Version)
        {
            return MemberContextResult.Fail("malformed member context");
        }

        if (!TryDecode(parts[2], out var mac) || !_keys.Any(k => CryptographicOperations.FixedTimeEquals(Mac(k, parts[1], method, target), mac)))
        {
            return MemberContextResult.Fail("member context signature is not valid for this request");
        }

        Wire? wire;
        try
        {
            wire = TryDecode(parts[1], out var json) ? JsonSerializer.Deserialize(json, WireJson.Default.Wire) : null;
        }
        catch (JsonException)
        {
            wire = null;
        }

        if (wire is null || !wire.IsComplete)
        {
            return MemberContextResult.Fail("malformed member context");
        }

        var context = wire.ToContext();
        return context.ExpiresAt < now
            ? MemberContextResult.Fail("member context has expired")
            : MemberContextResult.Ok(context);
    }

    private static byte[] Mac(byte[] key, string payload, string method, string target) =>
        HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{Version}\n{method.ToUpperInvariant()}\n{target}\n{payload}"));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        bytes = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }
}
