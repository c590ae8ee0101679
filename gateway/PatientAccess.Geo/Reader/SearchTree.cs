namespace PatientAccess.Geo.Reader;

/// <summary>
/// The binary search tree at the start of the file: node n holds two records (left for a 0
/// bit, right for a 1 bit) of 24, 28 or 32 bits each. The constructor checks that every node
/// lies inside the buffer, so reading a node below the node count needs no further checks.
/// </summary>
internal sealed class SearchTree
{
    public const int SeparatorSize = 16;

    private readonly byte[] _buffer;
    private readonly int _start;
    private readonly int _recordSize;
    private readonly int _nodeBytes;

    public SearchTree(byte[] buffer, int start, int available, uint nodeCount, int recordSize)
    {
        _nodeBytes = recordSize / 4;
        var size = (long)nodeCount * _nodeBytes;
        if (size + SeparatorSize > available)
        {
            throw new InvalidDatabaseException(
                $"Invalid search tree: node_count {nodeCount} × {_nodeBytes} bytes = {size} bytes, plus the {SeparatorSize}-byte separator, " +
                $"does not fit in the {available} bytes before the metadata.");
        }

        _buffer = buffer;
        _start = start;
        _recordSize = recordSize;
        NodeCount = nodeCount;
        Size = (int)size;
    }

    public uint NodeCount { get; }

    /// <summary>Bytes taken by the nodes; the separator and the data section follow.</summary>
    public int Size { get; }

    /// <summary>The left (bit 0) or right (bit 1) record of a node below <see cref="NodeCount"/>.</summary>
    public uint ReadRecord(uint node, int bit)
    {
        var b = _buffer.AsSpan(_start + (int)(node * (uint)_nodeBytes), _nodeBytes);
        switch (_recordSize)
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
}
