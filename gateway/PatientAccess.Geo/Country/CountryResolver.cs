using System.Collections.Concurrent;
using System.Net;
using PatientAccess.Geo.Reader;

namespace PatientAccess.Geo.Country;

/// <summary>
/// Country codes from one <see cref="MaxMindDatabase"/>. A country database has a few hundred
/// distinct records shared by millions of networks, so the code is cached per record offset:
/// after warm-up a lookup is a tree walk plus a dictionary read, with no allocation.
/// </summary>
public sealed class CountryResolver : ICountryLookup
{
    /// <summary>Bounds the cache for databases with many distinct records (city databases); past it, records are decoded each time.</summary>
    private const int MaxCachedRecords = 65_536;

    private readonly ConcurrentDictionary<int, string?> _byOffset = new();

    public CountryResolver(MaxMindDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        Database = database;
    }

    public MaxMindDatabase Database { get; }

    public string? GetCountryCode(IPAddress address)
    {
        var offset = Database.FindDataOffset(address, out _);
        if (offset < 0)
        {
            return null;
        }

        if (_byOffset.TryGetValue(offset, out var cached))
        {
            return cached;
        }

        var code = CountryCodeExtractor.Extract(Database.ReadData(offset));
        if (_byOffset.Count < MaxCachedRecords)
        {
            _byOffset.TryAdd(offset, code);
        }

        return code;
    }
}
