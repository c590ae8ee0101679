namespace PatientAccess.Geo.Database;

/// <summary>
/// The binary search tree at the start of a file, read only to check it (MaxMind.Db does the
/// lookups): node n holds two records (left for a 0 bit, right for a 1 bit) of 24, 28 or 32
/// bits. The constructor checks that the nodes and the separator fit before the metadata, so
/// reading a node below the node count needs no further checks.
/// </summary>
internal sealed class SearchTree
{
    public const int SeparatorSize = 16;

    /// <summary>The spec puts the metadata after the last marker in the final 128 KiB.</summary>
    private const int MaxMetadataSize = 128 * 1024;

    private readonly byte[] _buffer;
    private readonly TreeShape _shape;

    public SearchTree(byte[] buffer, TreeShape shape)
    {
        var metadataStart = FindMetadataMarker(buffer);
        var size = (long)shape.NodeCount * shape.NodeBytes;
        if (size + SeparatorSize > metadataStart)
        {
            throw new InvalidDatabaseException(
                $"Invalid search tree: node_count {shape.NodeCount} × {shape.NodeBytes} bytes = {size} bytes, plus the {SeparatorSize}-byte separator, " +
                $"does not fit in the {metadataStart} bytes before the metadata.");
        }

        _buffer = buffer;
        _shape = shape;
        Size = (int)size;
        DataSize = metadataStart - Size - SeparatorSize;
    }

    public uint NodeCount => _shape.NodeCount;

    /// <summary>Bytes taken by the nodes; the separator and the data section follow.</summary>
    public int Size { get; }

    /// <summary>Bytes in the data section, between the separator and the metadata marker.</summary>
    public int DataSize { get; }

    public ReadOnlySpan<byte> Separator => _buffer.AsSpan(Size, SeparatorSize);

    /// <summary>The left (bit 0) or right (bit 1) record of a node below <see cref="NodeCount"/>.</summary>
    public uint ReadRecord(uint node, int bit)
    {
        var b = _buffer.AsSpan((int)(node * (uint)_shape.NodeBytes), _shape.NodeBytes);
        switch (_shape.RecordSize)
        {
            case 24:
                var at = bit * 3;
                return ((uint)b[at] << 16) | ((uint)b[at + 1] << 8) | b[at + 2];
            case 28:
                // The middle byte holds the top four bits of both records: high nibble left, low nibble right.
                return bit == 0
                    ? ((uint)(b[3] & 0xF0) << 20) | ((uint)b[0] << 16) | ((uint)b[1] << 8) | b[2]
                    : ((uint)(b[3] & 0x0F) << 24) | ((uint)b[4] << 16) | ((uint)b[5] << 8) | b[6];
            default:
                var at32 = bit * 4;
                return ((uint)b[at32] << 24) | ((uint)b[at32 + 1] << 16) | ((uint)b[at32 + 2] << 8) | b[at32 + 3];
        }
    }

    // "\xAB\xCD\xEFMaxMind.com"; a constant byte list, so the span points at static data.
    private static ReadOnlySpan<byte> Marker =>
        [0xAB, 0xCD, 0xEF, 0x4D, 0x61, 0x78, 0x4D, 0x69, 0x6E, 0x64, 0x2E, 0x63, 0x6F, 0x6D];

    private static int FindMetadataMarker(byte[] buffer)
    {
        var searched = Math.Min(buffer.Length, MaxMetadataSize);
        var found = buffer.AsSpan(buffer.Length - searched).LastIndexOf(Marker);
        return found < 0
            ? throw new InvalidDatabaseException($"Not a MaxMind DB: the metadata marker was not found in the last {searched} bytes of the {buffer.Length}-byte file.")
            : buffer.Length - searched + found;
    }
}
