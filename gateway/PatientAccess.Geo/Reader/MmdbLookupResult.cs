using PatientAccess.Geo.Decoding;

namespace PatientAccess.Geo.Reader;

/// <summary>
/// What a lookup found: the record (default when the address has none) and the prefix length
/// of the network it belongs to, counted in the address's own family (0–32 for IPv4, also
/// when the database is IPv6, and 0–128 for IPv6).
/// </summary>
public readonly record struct MmdbLookupResult(MmdbValue Record, int PrefixLength)
{
    public bool Found => Record.Kind != MmdbValueKind.None;
}
