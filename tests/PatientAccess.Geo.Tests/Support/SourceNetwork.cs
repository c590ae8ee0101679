using System.Net;
using System.Numerics;
using System.Text.Json;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>A network from MaxMind's source-data JSON and the country its record must give.</summary>
internal sealed record SourceNetwork(string Cidr, IPAddress First, IPAddress Last, string? ExpectedCountry)
{
    /// <summary>Every network of a source-data file (a JSON array of one-key objects: CIDR to record).</summary>
    public static IReadOnlyList<SourceNetwork> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var networks = new List<SourceNetwork>();
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            foreach (var property in entry.EnumerateObject())
            {
                var (first, last) = Range(property.Name);
                networks.Add(new SourceNetwork(property.Name, first, last, CountryOf(property.Value)));
            }
        }

        return networks;
    }

    /// <summary>The same rule as the resolver, written independently from the JSON.</summary>
    private static string? CountryOf(JsonElement record)
    {
        foreach (var key in new[] { "country", "registered_country" })
        {
            if (record.TryGetProperty(key, out var country) && country.TryGetProperty("iso_code", out var code))
            {
                return code.GetString();
            }
        }

        return null;
    }

    public static (IPAddress First, IPAddress Last) Range(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var address = IPAddress.Parse(cidr[..slash]);
        var prefix = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var bytes = address.GetAddressBytes();
        var bits = bytes.Length * 8;
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var hostMask = (BigInteger.One << (bits - prefix)) - 1;
        var first = value & ~hostMask & ((BigInteger.One << bits) - 1);
        var last = first | hostMask;
        return (ToAddress(first, bytes.Length), ToAddress(last, bytes.Length));
    }

    private static IPAddress ToAddress(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var bytes = new byte[length];
        raw.CopyTo(bytes, length - raw.Length);
        return new IPAddress(bytes);
    }
}
