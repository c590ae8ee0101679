using System.Net;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Unit.Country;

/// <summary>Which code a record gives, in both schemas, through <see cref="CountryDatabase.GetCountryCode"/>.</summary>
public class CountryCodeRuleTests
{
    [Theory]
    [InlineData("GeoIP2-Country-Test")]
    [InlineData("GeoLite2-Country-Test")]
    public void GetCountryCode_EveryNetworkInSourceData_GivesItsCountry(string name)
    {
        using var database = CountryDatabase.Open(TestData.Good(name + ".mmdb"));
        var networks = SourceNetwork.Load(TestData.SourceData(name + ".json"));
        var failures = new List<string>();
        var checkedAddresses = 0;

        foreach (var network in networks)
        {
            foreach (var address in AddressesToCheck(network))
            {
                checkedAddresses++;
                var actual = database.GetCountryCode(address);
                if (actual != network.ExpectedCountry)
                {
                    failures.Add($"{network.Cidr}: {address} gave {actual ?? "null"}, expected {network.ExpectedCountry ?? "null"}");
                }
            }
        }

        Assert.True(networks.Count > 200, $"only {networks.Count} networks read");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        TestContext.Current.TestOutputHelper?.WriteLine($"{networks.Count} networks, {checkedAddresses} addresses");
    }

    [Fact]
    public void GetCountryCode_AddressWithoutRecord_ReturnsNull()
    {
        using var database = CountryDatabase.Open(TestData.Good("GeoIP2-Country-Test.mmdb"));

        Assert.Null(database.GetCountryCode(IPAddress.Parse("10.0.0.1")));
        Assert.Null(database.GetCountryCode(IPAddress.Parse("fe80::1")));
    }

    [Fact]
    public void GetCountryCode_IPv4MappedAddress_AnswersAsIPv4()
    {
        using var database = CountryDatabase.Open(TestData.Good("GeoLite2-Country-Test.mmdb"));

        Assert.Equal("US", database.GetCountryCode(IPAddress.Parse("50.114.0.1")));
        Assert.Equal("US", database.GetCountryCode(IPAddress.Parse("::ffff:50.114.0.1")));
        Assert.Equal("US", database.GetCountryCode(IPAddress.Parse("50.114.0.1").MapToIPv6()));
    }

    [Fact]
    public void GetCountryCode_CountryCodeSchema_ReadsTopLevelKey()
    {
        Assert.Equal("US", Resolve([.. MmdbBytes.Map(1), .. MmdbBytes.String("country_code"), .. MmdbBytes.String("US")]));
    }

    [Fact]
    public void GetCountryCode_KeyReachedThroughPointer_ReadsIt()
    {
        byte[] data = [.. MmdbBytes.String("country_code"), .. MmdbBytes.Map(1), .. MmdbBytes.Pointer(0, 1), .. MmdbBytes.String("US")];

        using var database = CountryDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(data, recordOffset: 13));

        Assert.Equal("US", database.GetCountryCode(IPAddress.Parse("1.2.3.4")));
    }

    [Fact]
    public void GetCountryCode_LowerCaseCode_IsUpperCased()
    {
        Assert.Equal("PR", Resolve([.. MmdbBytes.Map(1), .. MmdbBytes.String("country_code"), .. MmdbBytes.String("pr")]));
    }

    [Fact]
    public void GetCountryCode_OnlyRegisteredCountry_FallsBackToIt()
    {
        byte[] registered = [.. MmdbBytes.Map(1), .. MmdbBytes.String("iso_code"), .. MmdbBytes.String("GU")];

        Assert.Equal("GU", Resolve([.. MmdbBytes.Map(1), .. MmdbBytes.String("registered_country"), .. registered]));
    }

    [Fact]
    public void GetCountryCode_CountryAndRegisteredCountry_PrefersCountry()
    {
        byte[] country = [.. MmdbBytes.Map(1), .. MmdbBytes.String("iso_code"), .. MmdbBytes.String("GB")];
        byte[] registered = [.. MmdbBytes.Map(1), .. MmdbBytes.String("iso_code"), .. MmdbBytes.String("FR")];

        Assert.Equal("GB", Resolve([.. MmdbBytes.Map(2), .. MmdbBytes.String("registered_country"), .. registered, .. MmdbBytes.String("country"), .. country]));
    }

    [Fact]
    public void GetCountryCode_MalformedCountryButValidRegistered_FallsBackToRegistered()
    {
        byte[] country = [.. MmdbBytes.Map(1), .. MmdbBytes.String("iso_code"), .. MmdbBytes.String("XXX")];
        byte[] registered = [.. MmdbBytes.Map(1), .. MmdbBytes.String("iso_code"), .. MmdbBytes.String("US")];

        Assert.Equal("US", Resolve([.. MmdbBytes.Map(2), .. MmdbBytes.String("country"), .. country, .. MmdbBytes.String("registered_country"), .. registered]));
    }

    [Theory]
    [InlineData("USA")]
    [InlineData("U1")]
    [InlineData("")]
    [InlineData("ÜS")]
    public void GetCountryCode_MalformedCode_ReturnsNull(string code)
    {
        Assert.Null(Resolve([.. MmdbBytes.Map(1), .. MmdbBytes.String("country_code"), .. MmdbBytes.String(code)]));
    }

    [Fact]
    public void GetCountryCode_RecordWithoutCountry_ReturnsNull()
    {
        Assert.Null(Resolve([.. MmdbBytes.Map(1), .. MmdbBytes.String("continent"), .. MmdbBytes.String("EU")]));
        Assert.Null(Resolve(MmdbBytes.Map(0)));
    }

    private static string? Resolve(byte[] record)
    {
        using var database = CountryDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(record));
        return database.GetCountryCode(IPAddress.Parse("1.2.3.4"));
    }

    /// <summary>First and last address; IPv4 networks written as ::a.b.c.d/n are checked in IPv4 form too.</summary>
    private static IEnumerable<IPAddress> AddressesToCheck(SourceNetwork network)
    {
        yield return network.First;
        yield return network.Last;
        var slash = network.Cidr.IndexOf('/', StringComparison.Ordinal);
        if (network.Cidr.StartsWith("::", StringComparison.Ordinal) && network.Cidr[..slash].Contains('.', StringComparison.Ordinal))
        {
            yield return new IPAddress(network.First.GetAddressBytes()[12..]);
            yield return new IPAddress(network.Last.GetAddressBytes()[12..]);
        }
    }
}
