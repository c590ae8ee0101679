using System.Diagnostics;
using System.Net;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Integration.Country;

/// <summary>
/// A rough figure, printed, not asserted (docs/performance.md has the BenchmarkDotNet one).
/// Runs alone, after the parallel tests, so the mmdblookup loops do not skew it.
/// </summary>
[Collection(nameof(LookupSpeedTests))]
public class LookupSpeedTests
{
    private const int Lookups = 1_000_000;

    [Fact]
    public async Task GetCountryCode_OneMillionLookups_PrintsTimePerLookup()
    {
        using var database = CountryDatabase.Open(await DefaultDatabase.PathAsync());
        var random = new Random(42);
        var mixed = Enumerable.Range(0, 4096).Select(i => i % 4 == 0 ? RandomAddresses.IPv6(random) : RandomAddresses.IPv4(random)).ToArray();
        var ipv4 = Enumerable.Range(0, 4096).Select(_ => RandomAddresses.IPv4(random)).ToArray();

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"CountryDatabase.GetCountryCode, 3/4 IPv4 + 1/4 IPv6: {Measure(mixed, database.GetCountryCode):F0} ns/lookup");
        output?.WriteLine($"CountryDatabase.GetCountryCode, IPv4 only:           {Measure(ipv4, database.GetCountryCode):F0} ns/lookup");
    }

    private static double Measure(IPAddress[] addresses, Func<IPAddress, string?> lookup)
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
