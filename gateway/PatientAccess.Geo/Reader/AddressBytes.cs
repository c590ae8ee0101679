using System.Net;

namespace PatientAccess.Geo.Reader;

/// <summary>Writes an address as big-endian bytes without allocating; IPv4-mapped IPv6 becomes IPv4.</summary>
internal static class AddressBytes
{
    /// <summary>Returns 4 (IPv4, in the first four bytes) or 16 (IPv6).</summary>
    public static int Write(IPAddress address, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.TryWriteBytes(destination, out var written))
        {
            throw new ArgumentException($"'{address}' is not an IPv4 or IPv6 address.", nameof(address));
        }

        if (written == 16 && IsIPv4Mapped(destination))
        {
            destination.Slice(12, 4).CopyTo(destination);
            return 4;
        }

        return written;
    }

    private static bool IsIPv4Mapped(ReadOnlySpan<byte> bytes) =>
        bytes[..10].IndexOfAnyExcept((byte)0) < 0 && bytes[10] == 0xFF && bytes[11] == 0xFF;
}
