using System.Globalization;
using System.Text.RegularExpressions;

namespace PatientAccess.AuthServer.Clients;

/// <summary>
/// Redirect URI comparison by exact string (RFC 9700 §4.1.3), with the one exception RFC 8252
/// §7.3 requires: for a loopback IP literal over http, a native app picks its port at run time,
/// so the port may differ while scheme, address, path and query stay character-for-character equal.
/// The comparison is on the raw strings, never on normalised URIs, so no encoding trick can match.
/// </summary>
internal static partial class RedirectUriMatcher
{
    public static bool Matches(IEnumerable<string> registered, string presented)
    {
        ArgumentNullException.ThrowIfNull(registered);
        ArgumentNullException.ThrowIfNull(presented);
        var loopback = Loopback().Match(presented);
        foreach (var candidate in registered)
        {
            if (string.Equals(candidate, presented, StringComparison.Ordinal))
            {
                return true;
            }

            if (loopback.Success && Loopback().Match(candidate) is { Success: true } other
                && string.Equals(loopback.Groups["host"].Value, other.Groups["host"].Value, StringComparison.Ordinal)
                && string.Equals(loopback.Groups["rest"].Value, other.Groups["rest"].Value, StringComparison.Ordinal)
                && IsPort(loopback.Groups["port"].Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What may be registered: absolute, no fragment (RFC 6749 §3.1.2), https or a loopback/custom scheme for native apps.
    /// http://localhost is registrable too (the developer portal offers it), but matched exactly, port included.
    /// </summary>
    public static bool IsRegistrable(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed)
        && !uri.Contains('#', StringComparison.Ordinal)
        && (parsed.Scheme == Uri.UriSchemeHttps || Loopback().IsMatch(uri) || LocalhostHttp().IsMatch(uri)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme.Contains('.', StringComparison.Ordinal)));

    private static bool IsPort(string value) =>
        value.Length == 0 || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535);

    [GeneratedRegex(@"^http://(?<host>127\.0\.0\.1|\[::1\])(?::(?<port>[0-9]{1,5}))?(?<rest>/[^#]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Loopback();

    [GeneratedRegex(@"^http://localhost(?::[0-9]{1,5})?(?:/[^#]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalhostHttp();
}
