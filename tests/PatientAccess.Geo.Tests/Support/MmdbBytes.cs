using System.Buffers.Binary;
using System.Text;

namespace PatientAccess.Geo.Tests.Support;

/// <summary>
/// Hand-made MaxMind DB bytes for cases the shipped test files do not cover (each pointer
/// size, forbidden types, schemas). Written from the spec, independently of the reader.
/// </summary>
internal static class MmdbBytes
{
    public static byte[] Control(int type, int size)
    {
        var header = new List<byte>();
        var typeBits = type <= 7 ? type : 0;
        if (size < 29)
        {
            header.Add((byte)((typeBits << 5) | size));
        }
        else if (size < 285)
        {
            header.Add((byte)((typeBits << 5) | 29));
        }
        else if (size < 65821)
        {
            header.Add((byte)((typeBits << 5) | 30));
        }
        else
        {
            header.Add((byte)((typeBits << 5) | 31));
        }

        if (type > 7)
        {
            header.Add((byte)(type - 7));
        }

        if (size >= 65821)
        {
            var extra = size - 65821;
            header.AddRange([(byte)(extra >> 16), (byte)(extra >> 8), (byte)extra]);
        }
        else if (size >= 285)
        {
            var extra = size - 285;
            header.AddRange([(byte)(extra >> 8), (byte)extra]);
        }
        else if (size >= 29)
        {
            header.Add((byte)(size - 29));
        }

        return [.. header];
    }

    public static byte[] String(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return [.. Control(2, bytes.Length), .. bytes];
    }

    public static byte[] Map(int count) => Control(7, count);

    public static byte[] Array(int count) => Control(11, count);

    public static byte[] UInt16(ushort value) => [.. Control(5, 2), (byte)(value >> 8), (byte)value];

    public static byte[] UInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return [.. Control(6, 4), .. bytes];
    }

    public static byte[] UInt64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return [.. Control(9, 8), .. bytes];
    }

    /// <summary>A pointer in the given encoding size (1 to 4 bytes after the control byte).</summary>
    public static byte[] Pointer(int target, int sizeBytes)
    {
        switch (sizeBytes)
        {
            case 1:
                return [(byte)(0x20 | (target >> 8)), (byte)target];
            case 2:
                var t2 = target - 2048;
                return [(byte)(0x28 | (t2 >> 16)), (byte)(t2 >> 8), (byte)t2];
            case 3:
                var t3 = target - 526336;
                return [(byte)(0x30 | (t3 >> 24)), (byte)(t3 >> 16), (byte)(t3 >> 8), (byte)t3];
            default:
                return [0x38, (byte)(target >> 24), (byte)(target >> 16), (byte)(target >> 8), (byte)target];
        }
    }

    /// <summary>
    /// A whole IPv4 database with one node (24-bit records) whose two records both point to
    /// <paramref name="recordOffset"/> in <paramref name="data"/>, so every address finds it.
    /// </summary>
    public static byte[] SingleRecordDatabase(byte[] data, int recordOffset = 0, ulong buildEpoch = 1_000_000_000)
    {
        const int nodeCount = 1;
        var record = nodeCount + 16 + recordOffset;
        byte[] node = [(byte)(record >> 16), (byte)(record >> 8), (byte)record, (byte)(record >> 16), (byte)(record >> 8), (byte)record];
        return [.. node, .. new byte[16], .. data, .. Metadata(nodeCount, 4, 24, buildEpoch)];
    }

    public static byte[] Metadata(uint nodeCount, ushort ipVersion, ushort recordSize, ulong buildEpoch = 1_000_000_000) =>
    [
        0xAB, 0xCD, 0xEF, .. "MaxMind.com"u8,
        .. Map(7),
        .. String("node_count"), .. UInt32(nodeCount),
        .. String("record_size"), .. UInt16(recordSize),
        .. String("ip_version"), .. UInt16(ipVersion),
        .. String("binary_format_major_version"), .. UInt16(2),
        .. String("binary_format_minor_version"), .. UInt16(0),
        .. String("build_epoch"), .. UInt64(buildEpoch),
        .. String("database_type"), .. String("Test"),
    ];
}
