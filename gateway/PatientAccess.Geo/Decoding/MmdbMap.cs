using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace PatientAccess.Geo.Decoding;

/// <summary>
/// A decoded map, in file order. Record maps are small (a handful of keys), where a linear
/// scan of two arrays beats hashing and allocates less; larger maps get a dictionary index.
/// When a key repeats, the first entry wins, as in libmaxminddb.
/// </summary>
[SuppressMessage("Naming", "CA1710:Identifiers should have correct suffix", Justification = "Map is the MaxMind DB spec's name for the type.")]
public sealed class MmdbMap : IReadOnlyDictionary<string, MmdbValue>, IEquatable<MmdbMap>
{
    private const int LinearScanLimit = 12;

    private readonly string[] _keys;
    private readonly MmdbValue[] _values;
    private readonly Dictionary<string, int>? _index;

    /// <summary>Takes ownership of both arrays, which must have the same length.</summary>
    public MmdbMap(string[] keys, MmdbValue[] values)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(values);
        if (keys.Length != values.Length)
        {
            throw new ArgumentException("keys and values differ in length", nameof(values));
        }

        _keys = keys;
        _values = values;
        if (keys.Length > LinearScanLimit)
        {
            _index = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                _index.TryAdd(keys[i], i);
            }
        }
    }

    public static MmdbMap Empty { get; } = new([], []);

    public int Count => _keys.Length;

    public IEnumerable<string> Keys => _keys;

    public IEnumerable<MmdbValue> Values => _values;

    public MmdbValue this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The map has no key '{key}'.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out MmdbValue value)
    {
        var index = IndexOf(key);
        value = index >= 0 ? _values[index] : default;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, MmdbValue>> GetEnumerator()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            yield return new KeyValuePair<string, MmdbValue>(_keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(MmdbMap? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (!other.TryGetValue(_keys[i], out var theirs) || !theirs.Equals(_values[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as MmdbMap);

    public override int GetHashCode() => Count;

    public override string ToString() =>
        "{" + string.Join(", ", _keys.Select((key, i) => $"{key}: {_values[i]}")) + "}";

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
