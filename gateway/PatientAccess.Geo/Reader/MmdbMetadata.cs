using PatientAccess.Geo.Decoding;

namespace PatientAccess.Geo.Reader;

/// <summary>The metadata map at the end of a MaxMind DB file, checked for what the reader relies on.</summary>
public sealed class MmdbMetadata
{
    private MmdbMetadata(MmdbMap map)
    {
        Raw = map;
        NodeCount = (uint)RequireUnsigned(map, "node_count", uint.MaxValue);
        RecordSize = (int)RequireUnsigned(map, "record_size", ushort.MaxValue);
        IpVersion = (int)RequireUnsigned(map, "ip_version", ushort.MaxValue);
        BinaryFormatMajorVersion = (int)RequireUnsigned(map, "binary_format_major_version", ushort.MaxValue);
        BinaryFormatMinorVersion = (int)RequireUnsigned(map, "binary_format_minor_version", ushort.MaxValue);
        BuildEpoch = RequireUnsigned(map, "build_epoch", ulong.MaxValue);
        DatabaseType = RequireString(map, "database_type");
        Languages = ReadLanguages(map);
        Description = ReadDescription(map);

        if (BinaryFormatMajorVersion != 2)
        {
            throw Invalid($"binary_format_major_version is {BinaryFormatMajorVersion}; this reader understands version 2");
        }

        if (RecordSize is not (24 or 28 or 32))
        {
            throw Invalid($"record_size is {RecordSize}; only 24, 28 and 32 are defined");
        }

        if (IpVersion is not (4 or 6))
        {
            throw Invalid($"ip_version is {IpVersion}; only 4 and 6 are defined");
        }

        if (NodeCount == 0)
        {
            throw Invalid("node_count is 0; the search tree needs at least its root");
        }

        // A build time past year 9999 cannot be a real build; it is how an overflowing epoch
        // shows up (MaxMind's libmaxminddb-uint64-max-epoch test file).
        if (BuildEpoch > (ulong)DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            throw Invalid($"build_epoch {BuildEpoch} is not a representable date");
        }

        BuildTime = DateTimeOffset.FromUnixTimeSeconds((long)BuildEpoch);
    }

    public uint NodeCount { get; }

    /// <summary>Bits per search-tree record: 24, 28 or 32.</summary>
    public int RecordSize { get; }

    /// <summary>4 or 6: whether the search tree is indexed by IPv4 or IPv6 addresses.</summary>
    public int IpVersion { get; }

    public int BinaryFormatMajorVersion { get; }

    public int BinaryFormatMinorVersion { get; }

    public ulong BuildEpoch { get; }

    public DateTimeOffset BuildTime { get; }

    public string DatabaseType { get; }

    public IReadOnlyList<string> Languages { get; }

    public IReadOnlyDictionary<string, string> Description { get; }

    /// <summary>The whole metadata map, including keys this class does not interpret.</summary>
    public MmdbMap Raw { get; }

    internal static MmdbMetadata FromValue(MmdbValue value)
    {
        if (value.Kind != MmdbValueKind.Map)
        {
            throw Invalid($"the metadata is a {value.Kind}, not a map");
        }

        return new MmdbMetadata(value.AsMap());
    }

    private static ulong RequireUnsigned(MmdbMap map, string key, ulong max)
    {
        if (!map.TryGetValue(key, out var value))
        {
            throw Invalid($"required key '{key}' is missing");
        }

        if (!value.TryGetUInt64(out var number) || number > max)
        {
            throw Invalid($"'{key}' is {value.Kind} {value}; expected an unsigned integer up to {max}");
        }

        return number;
    }

    private static string RequireString(MmdbMap map, string key) =>
        map.TryGetValue(key, out var value) && value.Kind == MmdbValueKind.String
            ? value.AsString()
            : throw Invalid($"required key '{key}' is missing or not a string");

    private static string[] ReadLanguages(MmdbMap map)
    {
        if (!map.TryGetValue("languages", out var value))
        {
            return [];
        }

        if (value.Kind != MmdbValueKind.Array || value.AsArray().Any(item => item.Kind != MmdbValueKind.String))
        {
            throw Invalid("'languages' is not an array of strings");
        }

        return [.. value.AsArray().Select(item => item.AsString())];
    }

    private static Dictionary<string, string> ReadDescription(MmdbMap map)
    {
        var description = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!map.TryGetValue("description", out var value))
        {
            return description;
        }

        if (value.Kind != MmdbValueKind.Map || value.AsMap().Values.Any(item => item.Kind != MmdbValueKind.String))
        {
            throw Invalid("'description' is not a map of strings");
        }

        foreach (var (language, text) in value.AsMap())
        {
            description.TryAdd(language, text.AsString());
        }

        return description;
    }

    private static InvalidDatabaseException Invalid(string what) => new($"Invalid metadata: {what}.");
}
