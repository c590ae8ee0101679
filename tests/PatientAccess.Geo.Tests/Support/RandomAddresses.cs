using System.Net;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>Seeded random addresses, weighted towards space that is actually allocated.</summary>
internal static class RandomAddresses
{
    // First 16 bits of IPv6 space the five RIRs hand out from, so most IPv6 samples land in data.
    private static readonly ushort[] AllocatedIPv6Prefixes =
    [
        0x2001, 0x2400, 0x2401, 0x2402, 0x2403, 0x2404, 0x2405, 0x2406, 0x2407, 0x2600, 0x2601, 0x2602,
        0x2603, 0x2604, 0x2605, 0x2606, 0x2607, 0x2620, 0x2800, 0x2801, 0x2803, 0x2804, 0x2a00, 0x2a01,
        0x2a02, 0x2a03, 0x2a04, 0x2a05, 0x2a06, 0x2a0b, 0x2a10, 0x2c0f,
    ];

    public static IPAddress IPv4(Random random)
    {
        var bytes = new byte[4];
        random.NextBytes(bytes);
        return new IPAddress(bytes);
    }

    /// <summary>Three in four under an allocated /16 (random below it, so often a /32 or longer), the rest anywhere in 2000::/3.</summary>
    public static IPAddress IPv6(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        if (random.Next(4) != 0)
        {
            var prefix = AllocatedIPv6Prefixes[random.Next(AllocatedIPv6Prefixes.Length)];
            bytes[0] = (byte)(prefix >> 8);
            bytes[1] = (byte)prefix;
        }
        else
        {
            bytes[0] = (byte)(0x20 | (bytes[0] & 0x1F));
        }

        return new IPAddress(bytes);
    }

    /// <summary>A random address inside a network given by its first and last address.</summary>
    public static IPAddress Inside(Random random, IPAddress first, IPAddress last)
    {
        var low = first.GetAddressBytes();
        var high = last.GetAddressBytes();
        var bytes = new byte[low.Length];
        random.NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i++)
        {
            var hostBits = (byte)(low[i] ^ high[i]);
            bytes[i] = (byte)((low[i] & ~hostBits) | (bytes[i] & hostBits));
        }

        return new IPAddress(bytes);
    }
}
