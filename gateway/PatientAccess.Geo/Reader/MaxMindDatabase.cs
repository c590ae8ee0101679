using System.Net;
using System.Runtime.InteropServices;
using PatientAccess.Geo.Decoding;

namespace PatientAccess.Geo.Reader;

/// <summary>
/// A MaxMind DB (MMDB) file, read to the MaxMind DB format spec 2.0. Immutable and safe to
/// share between threads.
/// </summary>
/// <remarks>
/// The file is read fully into memory rather than memory-mapped: country databases are a few
/// megabytes; a buffer cannot change or vanish under a reader when the file is replaced or
/// truncated on disk (a mapping would fault), so a database can be validated once and then
/// swapped in; and nothing needs disposing, so an old instance still serving lookups on other
/// threads simply becomes garbage after a reload.
/// </remarks>
public sealed class MaxMindDatabase
{
    private const int IPv4BitsInIPv6 = 96;

    private readonly SearchTree _tree;
    private readonly DataDecoder _data;
    private readonly uint _ipv4Start;

    private MaxMindDatabase(byte[] buffer, int start, int length, string source)
    {
        Source = source;
        Size = length;
        var (metadata, markerStart) = MetadataLocator.Read(buffer, start, length);
        Metadata = metadata;
        _tree = new SearchTree(buffer, start, markerStart, metadata.NodeCount, metadata.RecordSize);
        var dataStart = _tree.Size + SearchTree.SeparatorSize;
        _data = new DataDecoder(buffer, start + dataStart, markerStart - dataStart, "data section");
        _ipv4Start = FindIPv4Start();
        Buffer = buffer;
        BufferStart = start;
    }

    public MmdbMetadata Metadata { get; }

    /// <summary>Where the database came from (its path), for messages.</summary>
    public string Source { get; }

    /// <summary>Size of the file in bytes.</summary>
    public int Size { get; }

    internal byte[] Buffer { get; }

    internal int BufferStart { get; }

    internal SearchTree Tree => _tree;

    internal DataDecoder Data => _data;

    /// <summary>Reads the whole file into memory and checks its metadata and layout.</summary>
    public static MaxMindDatabase Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        return Create(bytes, 0, bytes.Length, path);
    }

    /// <summary>Uses <paramref name="bytes"/> without copying: the caller must not change it afterwards.</summary>
    public static MaxMindDatabase FromBytes(byte[] bytes, string source = "(memory)")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return Create(bytes, 0, bytes.Length, source);
    }

    /// <summary>Uses the memory without copying when it is backed by an array; the caller must not change it afterwards.</summary>
    public static MaxMindDatabase FromMemory(ReadOnlyMemory<byte> memory, string source = "(memory)") =>
        MemoryMarshal.TryGetArray(memory, out var segment)
            ? Create(segment.Array!, segment.Offset, segment.Count, source)
            : Create(memory.ToArray(), 0, memory.Length, source);

    /// <summary>The record for <paramref name="address"/>, decoded, with the prefix length of its network.</summary>
    public MmdbLookupResult Lookup(IPAddress address)
    {
        var offset = FindDataOffset(address, out var prefixLength);
        return offset < 0 ? new MmdbLookupResult(default, prefixLength) : new MmdbLookupResult(ReadData(offset), prefixLength);
    }

    /// <summary>
    /// Walks the whole file: every search-tree node, every path's depth, and every record in the
    /// data section decoded once. Throws <see cref="InvalidDatabaseException"/> on the first
    /// problem; after it returns, lookups cannot fail.
    /// </summary>
    public void Verify() => Wrap(Source, () => DatabaseVerifier.Verify(this));

    /// <summary>
    /// The data-section offset of the address's record, or -1 when it has none (an IPv6
    /// address in an IPv4 database has none). Records found this way are what
    /// <see cref="ReadData"/> decodes, so callers can cache by offset.
    /// </summary>
    internal int FindDataOffset(IPAddress address, out int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        var length = AddressBytes.Write(address, bytes);
        uint node;
        int depth;
        if (length == 16)
        {
            if (Metadata.IpVersion == 4)
            {
                prefixLength = 0;
                return -1;
            }

            (node, depth) = Walk(0, 0, bytes, 128);
            prefixLength = depth;
        }
        else if (Metadata.IpVersion == 4)
        {
            (node, depth) = Walk(0, 0, bytes, 32);
            prefixLength = depth;
        }
        else
        {
            (node, depth) = _ipv4Start < _tree.NodeCount ? Walk(_ipv4Start, 0, bytes, 32) : (_ipv4Start, 0);
            prefixLength = depth;
        }

        return ToDataOffset(node, bytes[..length]);
    }

    /// <summary>Decodes the value at a data-section offset (as found by <see cref="FindDataOffset"/>).</summary>
    internal MmdbValue ReadData(int offset)
    {
        try
        {
            return _data.Decode(offset);
        }
        catch (InvalidDatabaseException e)
        {
            throw new InvalidDatabaseException($"{Source}: {e.Message}", e);
        }
    }

    /// <summary>Converts a terminal record to a data offset (-1: no data), refusing records that point into the separator or past the data.</summary>
    internal int ToDataOffset(uint record, ReadOnlySpan<byte> address)
    {
        if (record < _tree.NodeCount)
        {
            throw new InvalidDatabaseException(
                $"{Source}: Invalid search tree: the path for {new IPAddress(address)} is still at node {record} after all its bits (a cycle or a corrupt node).");
        }

        return TryGetDataOffset(record, out var offset, out var problem)
            ? offset
            : throw new InvalidDatabaseException($"{Source}: Invalid search tree: the record for {new IPAddress(address)} {problem}.");
    }

    /// <summary>For a record at or above the node count: the data offset, or -1 for "no data".</summary>
    internal bool TryGetDataOffset(uint record, out int offset, out string? problem)
    {
        var nodeCount = _tree.NodeCount;
        offset = -1;
        problem = null;
        if (record == nodeCount)
        {
            return true;
        }

        var dataOffset = (long)record - nodeCount - SearchTree.SeparatorSize;
        if (dataOffset < 0)
        {
            problem = $"({record}) points into the 16-byte separator after the {nodeCount} nodes";
            return false;
        }

        if (dataOffset >= _data.Length)
        {
            problem = $"({record}) points to data offset {dataOffset}, past the {_data.Length}-byte data section";
            return false;
        }

        offset = (int)dataOffset;
        return true;
    }

    private (uint Node, int Depth) Walk(uint node, int depth, ReadOnlySpan<byte> bits, int bitCount)
    {
        var nodeCount = _tree.NodeCount;
        var i = 0;
        for (; i < bitCount && node < nodeCount; i++)
        {
            node = _tree.ReadRecord(node, (bits[i >> 3] >> (7 - (i & 7))) & 1);
        }

        return (node, depth + i);
    }

    /// <summary>
    /// IPv4 addresses live under ::/96 of an IPv6 tree; finding that node once saves 96 steps
    /// on every IPv4 lookup. The walk stops early if the tree ends above /96.
    /// </summary>
    private uint FindIPv4Start()
    {
        if (Metadata.IpVersion == 4)
        {
            return 0;
        }

        Span<byte> zeros = stackalloc byte[12];
        zeros.Clear();
        return Walk(0, 0, zeros, IPv4BitsInIPv6).Node;
    }

    private static MaxMindDatabase Create(byte[] buffer, int start, int length, string source)
    {
        MaxMindDatabase? database = null;
        Wrap(source, () => database = new MaxMindDatabase(buffer, start, length, source));
        return database!;
    }

    /// <summary>Names the file in every error, so a reload failure in a log says which file is bad.</summary>
    private static void Wrap(string source, Action action)
    {
        try
        {
            action();
        }
        catch (InvalidDatabaseException e) when (!e.Message.StartsWith(source + ": ", StringComparison.Ordinal))
        {
            throw new InvalidDatabaseException($"{source}: {e.Message}", e);
        }
    }
}
