using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace PatientAccess.ServiceDefaults.ClientAddress;

/// <summary>
/// The client's address: the connection's peer, unless that peer is a trusted proxy, in which
/// case the forwarding headers are walked from the right and the first address that is not a
/// trusted proxy wins. Addresses to its left were written by whoever the untrusted hop was and
/// prove nothing.
/// </summary>
public sealed class ClientAddressResolver
{
    private readonly IPNetwork[] _trusted;

    public ClientAddressResolver(IOptions<ClientAddressOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _trusted = [.. options.Value.TrustedProxies.Select(e => ClientAddressOptions.TryParse(e)!.Value)];
    }

    public IPAddress? Resolve(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Resolve(context.Connection.RemoteIpAddress, context.Request.Headers["X-Forwarded-For"], context.Request.Headers["Forwarded"]);
    }

    /// <summary>The address as a counting key; "unknown" when there is no peer (in-process test hosts).</summary>
    public string KeyOf(HttpContext context) => Resolve(context)?.ToString() ?? "unknown";

    public IPAddress? Resolve(IPAddress? peer, StringValues forwardedFor, StringValues forwarded)
    {
        if (peer is null)
        {
            return null;
        }

        var current = ClientAddressOptions.Normalize(peer);
        if (!IsTrusted(current))
        {
            return current;
        }

        // RFC 7239 Forwarded wins over the de-facto X-Forwarded-For when both are present.
        var hops = forwarded.Count > 0 ? ForwardedFor(forwarded) : XForwardedFor(forwardedFor);
        for (var i = hops.Count - 1; i >= 0; i--)
        {
            if (!TryParseHop(hops[i], out var hop))
            {
                // A garbled hop cannot be believed, nor anything to its left: stop at the last good one.
                return current;
            }

            current = ClientAddressOptions.Normalize(hop);
            if (!IsTrusted(current))
            {
                return current;
            }
        }

        return current;
    }

    private bool IsTrusted(IPAddress address)
    {
        foreach (var network in _trusted)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> XForwardedFor(StringValues values)
    {
        var hops = new List<string>();
        foreach (var value in values)
        {
            foreach (var part in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                hops.Add(part);
            }
        }

        return hops;
    }

    private static List<string> ForwardedFor(StringValues values)
    {
        var hops = new List<string>();
        foreach (var value in values)
        {
            foreach (var element in (value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var pair in element.Split(';', StringSplitOptions.TrimEntries))
                {
                    if (pair.StartsWith("for=", StringComparison.OrdinalIgnoreCase))
                    {
                        hops.Add(pair[4..].Trim('"'));
                    }
                }
            }
        }

        return hops;
    }

    /// <summary>Accepts <c>1.2.3.4</c>, <c>1.2.3.4:port</c>, <c>[::1]</c> and <c>[::1]:port</c>; nothing else.</summary>
    public static bool TryParseHop(string text, out IPAddress address)
    {
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            return IPAddress.TryParse(close > 0 ? text[1..close] : string.Empty, out address!);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && text.IndexOf(':', colon + 1) < 0)
        {
            text = text[..colon];
        }

        return IPAddress.TryParse(text, out address!);
    }
}
