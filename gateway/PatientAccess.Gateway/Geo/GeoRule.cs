using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using PatientAccess.Geo.Country;

namespace PatientAccess.Gateway.Geo;

/// <summary>Step 2: the US-only rule over the client address the first step chose.</summary>
public sealed class GeoRule
{
    private static readonly IPNetwork[] PrivateNetworks =
    [
        IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"),
    ];

    private readonly ICountryLookup _countries;
    private readonly IReadOnlySet<string> _allowed;
    private readonly bool _allowPrivate;
    private readonly bool _allowUnknown;

    public GeoRule(ICountryLookup countries, IOptions<GeoOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _countries = countries;
        _allowed = options.Value.Countries();
        _allowPrivate = options.Value.AllowPrivateAddresses;
        _allowUnknown = options.Value.AllowUnknownCountry;
    }

    public GeoDecision Decide(IPAddress? address)
    {
        if (address is null)
        {
            // Only in-process hosts have no peer address; nothing outside can arrive that way.
            return new GeoDecision(_allowPrivate, null, "no client address");
        }

        var candidate = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (IsPrivate(candidate))
        {
            return new GeoDecision(_allowPrivate, null, "private or loopback address");
        }

        var country = _countries.GetCountryCode(candidate);
        if (country is null)
        {
            return new GeoDecision(_allowUnknown, null, "no country is known for the client address");
        }

        return _allowed.Contains(country)
            ? new GeoDecision(true, country, "allowed country")
            : new GeoDecision(false, country, "this service is available in the United States only");
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            return false;
        }

        foreach (var network in PrivateNetworks)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
