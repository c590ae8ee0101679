using System.Net;
using System.Net.Sockets;
using MaxMind.Db;
using PatientAccess.Geo.Country;

namespace PatientAccess.Geo.Database;

/// <summary>
/// A country database (MMDB) read by MaxMind.Db, checked whole before it is used: the search
/// tree by <see cref="SearchTreeVerifier"/>, and every record the tree reaches decoded once by
/// the library, fully and as a <see cref="CountryRecord"/>. After that, a lookup cannot fail.
/// Safe to share between threads.
/// </summary>
/// <remarks>
/// The file is read into memory (the library's <see cref="FileAccessMode.Memory"/> behaviour)
/// rather than memory-mapped: a buffer cannot change or vanish under a reader when the file is
/// replaced or truncated on disk (a mapping would fault), so a file is verified once and then
/// swapped in; and it holds nothing unmanaged, so an old instance still serving lookups on
/// other threads after a reload can simply be left to the garbage collector.
/// </remarks>
public sealed class CountryDatabase : ICountryLookup, IDisposable
{
    private readonly Reader _reader;
    private readonly bool _ipv4Only;

    private CountryDatabase(Reader reader, string source, int size)
    {
        _reader = reader;
        _ipv4Only = reader.Metadata.IPVersion == 4;
        Source = source;
        Size = size;
    }

    /// <summary>The library's view of the metadata (database type, build date, languages...).</summary>
    public Metadata Metadata => _reader.Metadata;

    /// <summary>Where the database came from (its path), for messages.</summary>
    public string Source { get; }

    /// <summary>Size of the file in bytes.</summary>
    public int Size { get; }

    /// <summary>Reads the whole file and verifies it; throws <see cref="InvalidDatabaseException"/> (naming the file) or an I/O error.</summary>
    public static CountryDatabase Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return FromBytes(File.ReadAllBytes(path), path);
    }

    /// <summary>Verifies and opens a database held in memory; <paramref name="source"/> names it in errors.</summary>
    public static CountryDatabase FromBytes(byte[] bytes, string source = "(memory)")
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var reader = LibraryCall(source, "Cannot open", () => new Reader(new MemoryStream(bytes, writable: false)));
        try
        {
            Verify(reader, bytes, source);
            return new CountryDatabase(reader, source, bytes.Length);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The ISO 3166-1 alpha-2 code in upper case, or null when the address has no record or no valid code.</summary>
    public string? GetCountryCode(IPAddress address) => CountryCodeRule.Choose(Find(address, out _));

    /// <summary>
    /// The address's record and the prefix length of its network, counted in the address's own
    /// family (0–32 for IPv4, also in an IPv6 database). IPv4-mapped IPv6 addresses are looked
    /// up as IPv4; an IPv6 address in an IPv4 database has no record.
    /// </summary>
    internal CountryRecord? Find(IPAddress address, out int prefixLength)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (_ipv4Only && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            prefixLength = 0;
            return null;
        }

        return _reader.Find<CountryRecord>(address, out prefixLength);
    }

    public void Dispose() => _reader.Dispose();

    private static void Verify(Reader reader, byte[] bytes, string source)
    {
        var metadata = reader.Metadata;
        LibraryCall(source, "Invalid metadata: build_epoch is not a representable date", () => metadata.BuildDate);
        if (metadata.BinaryFormatMajorVersion != 2)
        {
            throw new InvalidDatabaseException($"{source}: Invalid metadata: binary_format_major_version is {metadata.BinaryFormatMajorVersion}; version 2 is the one defined.");
        }

        IReadOnlyCollection<IPAddress> samples;
        try
        {
            samples = SearchTreeVerifier.Verify(new SearchTree(bytes, TreeShape.Of(metadata)), metadata.IPVersion);
        }
        catch (InvalidDatabaseException e)
        {
            throw new InvalidDatabaseException($"{source}: {e.Message}", e);
        }

        foreach (var address in samples)
        {
            // Fully, so damage anywhere in a record is found now; and as the request path reads it.
            LibraryCall(source, $"The record for {address} cannot be decoded", () => reader.Find<object>(address));
            LibraryCall(source, $"The record for {address} is not a country record (a map whose country keys hold strings)", () => reader.Find<CountryRecord>(address));
        }
    }

    /// <summary>
    /// Runs a library call on a file not yet trusted and turns whatever it throws on bad bytes
    /// into one exception type that names the file and what was being done.
    /// </summary>
    private static T LibraryCall<T>(string source, string what, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is MaxMind.Db.InvalidDatabaseException or DeserializationException or ArgumentException
                                      or IndexOutOfRangeException or InvalidCastException or OverflowException or FormatException
                                      or InvalidOperationException or NotSupportedException or KeyNotFoundException)
        {
            throw new InvalidDatabaseException($"{source}: {what}: {e.Message}", e);
        }
    }
}
