using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Integration.Country;

/// <summary>
/// Our answers (MaxMind.Db through <see cref="CountryDatabase"/>) against libmaxminddb's mmdblookup, address by address: the country and the
/// network's prefix length. IPv4-mapped addresses are compared with mmdblookup's answer for
/// the IPv4 address: we look them up as IPv4 on purpose, while mmdblookup takes them
/// literally, and the default database has no ::ffff:0:0/96 alias, so it finds nothing there.
/// </summary>
public class MmdblookupComparisonTests
{
    private static readonly string[] DefaultDatabaseLandmarks = ["8.8.8.8", "1.1.1.1", "10.0.0.1", "127.0.0.1", "::1", "2001:4860:4860::8888"];

    private static readonly string[] TestDatabaseLandmarks = ["81.2.69.160", "::ffff:81.2.69.160", "2002:5102:45a0::", "214.1.1.1"];

    [Fact]
    public async Task GetCountryCode_RandomAddressesOnDefaultDatabase_MatchesMmdblookup()
    {
        var path = await DefaultDatabase.PathAsync();
        var random = new Random(5_000_2026);
        var addresses = Enumerable.Range(0, 1500).Select(_ => RandomAddresses.IPv4(random))
            .Concat(Enumerable.Range(0, 700).Select(_ => RandomAddresses.IPv6(random)))
            .Concat(Enumerable.Range(0, 50).Select(_ => RandomAddresses.IPv4(random).MapToIPv6()))
            .Concat(DefaultDatabaseLandmarks.Select(IPAddress.Parse))
            .ToList();

        await CompareAsync(path, Mmdblookup.Schema.CountryCode, addresses, minimumFound: 1000);
    }

    [Fact]
    public async Task GetCountryCode_SourceNetworksAndRandomOnGeoIP2CountryTest_MatchesMmdblookup()
    {
        var random = new Random(3166);
        var networks = SourceNetwork.Load(TestData.SourceData("GeoIP2-Country-Test.json"));
        var addresses = networks.Select(network => RandomAddresses.Inside(random, network.First, network.Last))
            .Concat(Enumerable.Range(0, 150).Select(_ => RandomAddresses.IPv4(random)))
            .Concat(Enumerable.Range(0, 150).Select(_ => RandomAddresses.IPv6(random)))
            .Concat(TestDatabaseLandmarks.Select(IPAddress.Parse))
            .ToList();

        await CompareAsync(TestData.Good("GeoIP2-Country-Test.mmdb"), Mmdblookup.Schema.MaxMind, addresses, minimumFound: 300);
    }

    private static async Task CompareAsync(string path, Mmdblookup.Schema schema, List<IPAddress> addresses, int minimumFound)
    {
        using var database = CountryDatabase.Open(path);
        var texts = addresses.Select(address => address.ToString()).Distinct(StringComparer.Ordinal).ToList();
        var clock = Stopwatch.StartNew();
        var expected = await Mmdblookup.LookupAsync(path, schema, [.. texts.Select(AsLookedUp).Distinct(StringComparer.Ordinal)]);
        var mmdblookupTime = clock.Elapsed;

        var mismatches = new List<string>();
        foreach (var text in texts)
        {
            var address = IPAddress.Parse(text);
            var (country, prefix) = expected[AsLookedUp(text)];
            var ours = database.GetCountryCode(address);
            database.Find(address, out var ourPrefix);
            var theirPrefix = IsIPv4(address) && database.Metadata.IPVersion == 6 ? Math.Max(0, prefix - 96) : prefix;
            if (ours != country || ourPrefix != theirPrefix)
            {
                mismatches.Add($"{text}: ours {ours ?? "null"}/{ourPrefix}, mmdblookup {country ?? "null"}/{theirPrefix}");
            }
        }

        var found = expected.Values.Count(answer => answer.Country is not null);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{texts.Count} addresses, {found} with a country, mmdblookup took {mmdblookupTime.TotalSeconds:F1} s; {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches.Take(50)));
        Assert.True(found >= minimumFound, $"only {found} of {texts.Count} sampled addresses have a country; the sample tests too little");
    }

    private static string AsLookedUp(string text)
    {
        var address = IPAddress.Parse(text);
        return address.IsIPv4MappedToIPv6 ? address.MapToIPv4().ToString() : text;
    }

    private static bool IsIPv4(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork || address.IsIPv4MappedToIPv6;
}
