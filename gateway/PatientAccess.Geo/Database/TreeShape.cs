using System.Reflection;
using MaxMind.Db;

namespace PatientAccess.Geo.Database;

/// <summary>
/// The search tree's size as the metadata gives it. MaxMind.Db 5.2.0 reads <c>node_count</c>
/// and <c>record_size</c> but keeps them internal, and <see cref="SearchTreeVerifier"/> needs
/// them: they are read from its <see cref="Metadata"/> by name rather than by decoding the
/// metadata map a second time with a decoder of our own. The version is pinned centrally; if a
/// later one renames them, loading fails with this message (and the Geo tests fail) instead of
/// skipping the check.
/// </summary>
internal readonly record struct TreeShape(uint NodeCount, int RecordSize, int IpVersion)
{
    private static readonly PropertyInfo? NodeCountProperty = typeof(Metadata).GetProperty("NodeCount", BindingFlags.Instance | BindingFlags.NonPublic);
    private static readonly PropertyInfo? RecordSizeProperty = typeof(Metadata).GetProperty("RecordSize", BindingFlags.Instance | BindingFlags.NonPublic);

    /// <summary>Bytes per node: two records.</summary>
    public int NodeBytes => RecordSize / 4;

    public static TreeShape Of(Metadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (NodeCountProperty?.GetValue(metadata) is not long nodeCount || RecordSizeProperty?.GetValue(metadata) is not int recordSize)
        {
            throw new InvalidOperationException(
                $"MaxMind.Db {typeof(Metadata).Assembly.GetName().Version} no longer has the internal Metadata.NodeCount (long) and RecordSize (int) that the search-tree check reads; update TreeShape.");
        }

        if (recordSize is not (24 or 28 or 32))
        {
            throw new InvalidDatabaseException($"Invalid metadata: record_size is {recordSize}; only 24, 28 and 32 are defined.");
        }

        if (metadata.IPVersion is not (4 or 6))
        {
            throw new InvalidDatabaseException($"Invalid metadata: ip_version is {metadata.IPVersion}; only 4 and 6 are defined.");
        }

        if (nodeCount is <= 0 or > int.MaxValue)
        {
            throw new InvalidDatabaseException($"Invalid metadata: node_count is {nodeCount}.");
        }

        return new TreeShape((uint)nodeCount, recordSize, metadata.IPVersion);
    }
}
