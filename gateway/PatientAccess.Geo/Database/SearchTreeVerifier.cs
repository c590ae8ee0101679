using System.Buffers.Binary;
using System.Net;

namespace PatientAccess.Geo.Database;

/// <summary>
/// Checks a whole search tree once, when a file is loaded: what MaxMind.Db does not check.
/// It opens a file whose nodes point back to the root, or into the separator, and answers from
/// it (MaxMind's <c>libmaxminddb-corrupt-search-tree.mmdb</c>), so a corrupt tree would give
/// wrong countries or fail at request time. After this passes, every path ends in "no data" or
/// in a record inside the data section within an address's bits.
/// </summary>
internal static class SearchTreeVerifier
{
    /// <summary>
    /// Throws <see cref="InvalidDatabaseException"/> on the first problem; else returns one
    /// address per distinct data record the tree reaches, so the caller can decode each record
    /// once through the library.
    /// </summary>
    public static IReadOnlyCollection<IPAddress> Verify(SearchTree tree, int ipVersion)
    {
        ArgumentNullException.ThrowIfNull(tree);
        if (tree.Separator.IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new InvalidDatabaseException(
                $"Invalid search tree: the {SearchTree.SeparatorSize} bytes after node_count {tree.NodeCount} nodes are not the all-zero separator (wrong node_count?).");
        }

        CheckRecords(tree);
        return WalkPaths(tree, ipVersion == 6 ? 128 : 32);
    }

    /// <summary>Every record of every node, reachable or not: never the root, never past the data section.</summary>
    private static void CheckRecords(SearchTree tree)
    {
        for (uint node = 0; node < tree.NodeCount; node++)
        {
            for (var bit = 0; bit < 2; bit++)
            {
                var record = tree.ReadRecord(node, bit);
                var problem = record == 0 ? "points back to the root node" : DataProblem(tree, record);
                if (problem is not null)
                {
                    throw new InvalidDatabaseException($"Invalid search tree: the {(bit == 0 ? "left" : "right")} record of node {node} {problem}.");
                }
            }
        }
    }

    /// <summary>For a record at or above the node count (data or "no data"): what is wrong with it, if anything.</summary>
    private static string? DataProblem(SearchTree tree, uint record)
    {
        if (record <= tree.NodeCount)
        {
            return null;
        }

        var dataOffset = (long)record - tree.NodeCount - SearchTree.SeparatorSize;
        if (dataOffset < 0)
        {
            return $"({record}) points into the 16-byte separator after the {tree.NodeCount} nodes";
        }

        return dataOffset >= tree.DataSize ? $"({record}) points to data offset {dataOffset}, past the {tree.DataSize}-byte data section" : null;
    }

    /// <summary>
    /// No path may stay inside the tree for more bits than an address has (a cycle would loop
    /// forever). A node is walked again only when reached deeper than before, so shared
    /// subtrees (the IPv4 aliases of IPv6 databases) cost little and cycles are still found.
    /// The first path found to each data record gives its sample address.
    /// </summary>
    private static List<IPAddress> WalkPaths(SearchTree tree, int addressBits)
    {
        var deepest = new byte[tree.NodeCount];
        var samples = new Dictionary<uint, IPAddress>();
        var stack = new Stack<(uint Node, int Depth, UInt128 Path)>();
        stack.Push((0, 0, UInt128.Zero));
        while (stack.TryPop(out var item))
        {
            if (item.Depth >= addressBits)
            {
                throw new InvalidDatabaseException(
                    $"Invalid search tree: a path is still inside the tree at node {item.Node} after {addressBits} bits (a cycle or a corrupt node).");
            }

            if (deepest[item.Node] > item.Depth)
            {
                continue;
            }

            deepest[item.Node] = (byte)(item.Depth + 1);
            for (var bit = 0; bit < 2; bit++)
            {
                var record = tree.ReadRecord(item.Node, bit);
                var path = bit == 0 ? item.Path : item.Path | (UInt128.One << (addressBits - 1 - item.Depth));
                if (record < tree.NodeCount)
                {
                    stack.Push((record, item.Depth + 1, path));
                }
                else if (record > tree.NodeCount && !samples.ContainsKey(record))
                {
                    samples.Add(record, ToAddress(path, addressBits));
                }
            }
        }

        return [.. samples.Values];
    }

    private static IPAddress ToAddress(UInt128 path, int addressBits)
    {
        if (addressBits == 32)
        {
            Span<byte> v4 = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(v4, (uint)path);
            return new IPAddress(v4);
        }

        Span<byte> v6 = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(v6, path);
        return new IPAddress(v6);
    }
}
