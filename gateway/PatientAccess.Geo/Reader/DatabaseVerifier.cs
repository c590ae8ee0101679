namespace PatientAccess.Geo.Reader;

/// <summary>
/// Checks a whole database before it is trusted (at start-up and before a reload swaps it in),
/// so that lookups on a verified database never meet a corrupt record at request time.
/// </summary>
internal static class DatabaseVerifier
{
    public static void Verify(MaxMindDatabase database)
    {
        CheckSeparator(database);
        var dataOffsets = CheckRecords(database);
        CheckDepth(database);
        foreach (var offset in dataOffsets)
        {
            database.Data.Decode(offset);
        }
    }

    private static void CheckSeparator(MaxMindDatabase database)
    {
        var separator = database.Buffer.AsSpan(database.BufferStart + database.Tree.Size, SearchTree.SeparatorSize);
        if (separator.IndexOfAnyExcept((byte)0) >= 0)
        {
            throw new InvalidDatabaseException(
                $"Invalid search tree: the {SearchTree.SeparatorSize} bytes after node_count {database.Tree.NodeCount} nodes are not the all-zero separator (wrong node_count?).");
        }
    }

    /// <summary>Every record of every node, reachable or not, and the distinct data records they point to.</summary>
    private static HashSet<int> CheckRecords(MaxMindDatabase database)
    {
        var tree = database.Tree;
        var offsets = new HashSet<int>();
        for (uint node = 0; node < tree.NodeCount; node++)
        {
            for (var bit = 0; bit < 2; bit++)
            {
                var record = tree.ReadRecord(node, bit);
                if (record == 0)
                {
                    throw new InvalidDatabaseException($"Invalid search tree: node {node} points back to the root node.");
                }

                if (record > tree.NodeCount)
                {
                    if (!database.TryGetDataOffset(record, out var offset, out var problem))
                    {
                        throw new InvalidDatabaseException($"Invalid search tree: the {(bit == 0 ? "left" : "right")} record of node {node} {problem}.");
                    }

                    offsets.Add(offset);
                }
            }
        }

        return offsets;
    }

    /// <summary>
    /// No path may stay inside the tree for more bits than an address has (a cycle would loop
    /// forever). A node is walked again only when reached deeper than before, so shared
    /// subtrees (the IPv4 aliases of IPv6 databases) cost little and cycles are still found.
    /// </summary>
    private static void CheckDepth(MaxMindDatabase database)
    {
        var tree = database.Tree;
        var maxDepth = database.Metadata.IpVersion == 6 ? 128 : 32;
        var deepest = new byte[tree.NodeCount];
        var stack = new Stack<(uint Node, int Depth)>();
        stack.Push((0, 0));
        while (stack.TryPop(out var item))
        {
            if (item.Depth >= maxDepth)
            {
                throw new InvalidDatabaseException(
                    $"Invalid search tree: a path is still inside the tree at node {item.Node} after {maxDepth} bits (a cycle or a corrupt node).");
            }

            if (deepest[item.Node] > item.Depth)
            {
                continue;
            }

            deepest[item.Node] = (byte)(item.Depth + 1);
            for (var bit = 0; bit < 2; bit++)
            {
                var record = tree.ReadRecord(item.Node, bit);
                if (record < tree.NodeCount)
                {
                    stack.Push((record, item.Depth + 1));
                }
            }
        }
    }
}
