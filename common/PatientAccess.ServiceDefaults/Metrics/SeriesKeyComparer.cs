namespace PatientAccess.ServiceDefaults.Metrics;

/// <summary>
/// Compares tag sets without regard to order, and lets a measurement's tag span find
/// its series without allocating: the hot path of every request's metrics.
/// </summary>
internal sealed class SeriesKeyComparer :
    IEqualityComparer<SeriesKey>,
    IAlternateEqualityComparer<ReadOnlySpan<KeyValuePair<string, object?>>, SeriesKey>
{
    public static readonly SeriesKeyComparer Instance = new();

    public static int HashOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Summing per-tag hashes makes the hash independent of tag order.
        var hash = tags.Length;
        foreach (var tag in tags)
        {
            hash = unchecked(hash + HashCode.Combine(tag.Key, tag.Value));
        }

        return hash;
    }

    public bool Equals(SeriesKey? x, SeriesKey? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Hash == y.Hash && SameTags(x.Tags, y.Tags));

    public int GetHashCode(SeriesKey obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Hash;
    }

    public bool Equals(ReadOnlySpan<KeyValuePair<string, object?>> alternate, SeriesKey other) =>
        other.Hash == HashOf(alternate) && SameTags(alternate, other.Tags);

    public int GetHashCode(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => HashOf(alternate);

    public SeriesKey Create(ReadOnlySpan<KeyValuePair<string, object?>> alternate) => new(alternate);

    private static bool SameTags(ReadOnlySpan<KeyValuePair<string, object?>> a, ReadOnlySpan<KeyValuePair<string, object?>> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        // Tag sets are small (a handful), so a nested scan beats sorting.
        foreach (var tag in a)
        {
            if (!Contains(b, tag))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Contains(ReadOnlySpan<KeyValuePair<string, object?>> tags, KeyValuePair<string, object?> wanted)
    {
        foreach (var tag in tags)
        {
            if (string.Equals(tag.Key, wanted.Key, StringComparison.Ordinal))
            {
                return Equals(tag.Value, wanted.Value);
            }
        }

        return false;
    }
}
