using System.Diagnostics.CodeAnalysis;
using System.Net;
using BenchmarkDotNet.Attributes;
using PatientAccess.Geo.Database;

namespace PatientAccess.Gateway.Benchmarks.Geo;

/// <summary>
/// One country lookup as the US-only rule makes it (<see cref="CountryDatabase.GetCountryCode"/>,
/// MaxMind.Db underneath) on the default database, for IPv4 and IPv6 addresses that have a
/// record (hit) and that have none (miss). Each invocation cycles through 256 seeded addresses,
/// so the tree walk is not one cached path. Target (issue 13): under 500 ns for IPv4.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Maintainability", "CA1515", Justification = "BenchmarkDotNet subclasses benchmark types from a generated assembly.")]
public class CountryLookupBenchmarks : IDisposable
{
    private const int Batch = 256;

    private CountryDatabase? _database;
    private IPAddress[] _ipv4Hits = [];
    private IPAddress[] _ipv4Misses = [];
    private IPAddress[] _ipv6Hits = [];
    private IPAddress[] _ipv6Misses = [];

    [GlobalSetup]
    public void SetUp()
    {
        _database = CountryDatabase.Open(GeoCommand.DatabasePath());
        var random = new Random(2026);
        _ipv4Hits = Pick(random, 4, found: true);
        _ipv4Misses = Pick(random, 4, found: false);
        _ipv6Hits = Pick(random, 16, found: true);
        _ipv6Misses = Pick(random, 16, found: false);
    }

    [Benchmark(OperationsPerInvoke = Batch, Description = "IPv4, hit")]
    public int IPv4Hit() => Run(_ipv4Hits);

    [Benchmark(OperationsPerInvoke = Batch, Description = "IPv4, miss")]
    public int IPv4Miss() => Run(_ipv4Misses);

    [Benchmark(OperationsPerInvoke = Batch, Description = "IPv6, hit")]
    public int IPv6Hit() => Run(_ipv6Hits);

    [Benchmark(OperationsPerInvoke = Batch, Description = "IPv6, miss")]
    public int IPv6Miss() => Run(_ipv6Misses);

    [GlobalCleanup]
    public void Dispose()
    {
        _database?.Dispose();
        GC.SuppressFinalize(this);
    }

    private int Run(IPAddress[] addresses)
    {
        var found = 0;
        foreach (var address in addresses)
        {
            found += _database!.GetCountryCode(address) is null ? 0 : 1;
        }

        return found;
    }

    /// <summary>Random addresses until <see cref="Batch"/> have (or lack) a country: about 1 in 1,500 of 2000::/3 has one.</summary>
    private IPAddress[] Pick(Random random, int length, bool found)
    {
        var picked = new List<IPAddress>(Batch);
        for (var tries = 0; picked.Count < Batch; tries++)
        {
            if (tries == 10_000_000)
            {
                throw new InvalidOperationException($"only {picked.Count} of 10,000,000 sampled addresses {(found ? "have" : "lack")} a country; is this the default database?");
            }

            var address = RandomAddress(random, length);
            if ((_database!.GetCountryCode(address) is not null) == found)
            {
                picked.Add(address);
            }
        }

        return [.. picked];
    }

    /// <summary>IPv6 under 2000::/3 (global unicast, where the registries allocate); IPv4 anywhere.</summary>
    private static IPAddress RandomAddress(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        if (length == 16)
        {
            bytes[0] = (byte)(0x20 | (bytes[0] & 0x1F));
        }

        return new IPAddress(bytes);
    }
}
