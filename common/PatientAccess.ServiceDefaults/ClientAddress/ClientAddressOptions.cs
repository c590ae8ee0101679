using System.ComponentModel.DataAnnotations;
using System.Net;

namespace PatientAccess.ServiceDefaults.ClientAddress;

/// <summary>
/// Which peers may tell a service the client's address. Section <c>ClientAddress</c>, with the same
/// meaning in the gateway (US-only rule, per-address limits, audit) and the authserver (client
/// secret throttling, member sign-in limits), so one setting describes one deployment.
/// </summary>
public sealed class ClientAddressOptions : IValidatableObject
{
    public const string Section = "ClientAddress";

    /// <summary>
    /// Load balancers and proxies (IP addresses or CIDR networks) whose <c>X-Forwarded-For</c> or
    /// <c>Forwarded</c> header is believed. None by default: anyone can write those headers, and
    /// believing them would let a caller pick the country the US-only rule sees or spread its
    /// failures over made-up addresses. Behind a proxy that is not listed, every caller shares
    /// the proxy's address and its budgets.
    /// </summary>
    public IList<string> TrustedProxies { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in TrustedProxies)
        {
            if (TryParse(entry) is null)
            {
                yield return new ValidationResult($"'{entry}' is not an IP address or a network in CIDR notation", [nameof(TrustedProxies)]);
            }
        }
    }

    public static IPNetwork? TryParse(string entry)
    {
        if (IPNetwork.TryParse(entry, out var network))
        {
            return network;
        }

        return IPAddress.TryParse(entry, out var address)
            ? new IPNetwork(Normalize(address), address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork || address.IsIPv4MappedToIPv6 ? 32 : 128)
            : null;
    }

    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
