using System.Diagnostics;
using System.Net;
using PatientAccess.Geo.Country;
using PatientAccess.Geo.Reader;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Integration.Country;

/// <summary>
/// A rough figure for docs/performance.md (target: under 1 µs per lookup); printed, not
/// asserted. Runs alone, after the parallel tests, so the mmdblookup loops do not skew it.
/// </summary>
[Collection(nameof(LookupSpeedTests))]
public class LookupSpeedTests
{
    private const int Lookups = 1_000_000;

    [Fact]
    public async Task GetCountryCode_OneMillionLookups_PrintsTimePerLookup()
    {
        var database = MaxMindDatabase.Open(await DefaultDatabase.PathAsync());
        var resolver = new CountryResolver(database);
        var random = new Random(42);
        var mixed = Enumerable.Range(0, 4096).Select(i => i % 4 == 0 ? RandomAddresses.IPv6(random) : RandomAddresses.IPv4(random)).ToArray();
        var ipv4 = Enumerable.Range(0, 4096).Select(_ => RandomAddresses.IPv4(random)).ToArray();

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"CountryResolver.GetCountryCode, 3/4 IPv4 + 1/4 IPv6: {Measure(mixed, address => resolver.GetCountryCode(address)):F0} ns/lookup");
        output?.WriteLine($"CountryResolver.GetCountryCode, IPv4 only:           {Measure(ipv4, address => resolver.GetCountryCode(address)):F0} ns/lookup");
        output?.WriteLine($"MaxMindDatabase.Lookup (decodes the record), mixed: {Measure(mixed, address => database.Lookup(address)):F0} ns/lookup");
    }

    private static double Measure<T>(IPAddress[] addresses, Func<IPAddress, T> lookup)
    {
        for (var i = 0; i < 200_000; i++)
        {
            lookup(addresses[i & 4095]);
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Lookups; i++)
        {
            lookup(addresses[i & 4095]);
        }

        return clock.Elapsed.TotalNanoseconds / Lookups;
    }
}

[CollectionDefinition(nameof(LookupSpeedTests), DisableParallelization = true)]
public sealed class LookupSpeedRunsAlone;
