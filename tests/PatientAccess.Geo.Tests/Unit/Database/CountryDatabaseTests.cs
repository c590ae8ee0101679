using System.Net;
using MaxMind.Db;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;
using InvalidDatabaseException = PatientAccess.Geo.Database.InvalidDatabaseException;

namespace PatientAccess.Geo.Tests.Unit.Database;

/// <summary>MaxMind's test databases looked up through <see cref="CountryDatabase"/>: the library's tree walk as our code uses it.</summary>
public class CountryDatabaseTests
{
    // Networks checked with mmdblookup: address -> prefix length of the network holding it.
    private static readonly (string Address, int Prefix)[] IPv4Expectations =
    [
        ("1.1.1.1", 32), ("1.1.1.3", 31), ("1.1.1.7", 30), ("1.1.1.15", 29), ("1.1.1.31", 28), ("1.1.1.32", 32),
    ];

    private static readonly (string Address, int Prefix)[] IPv6Expectations =
    [
        ("::1:ffff:ffff", 128), ("::2:0:1", 122), ("::2:0:39", 122), ("::2:0:41", 124), ("::2:0:52", 125), ("::2:0:59", 127),
    ];

    private static readonly int[] RecordSizes = [24, 28, 32];

    [Theory]
    [InlineData(4, 24)]
    [InlineData(4, 28)]
    [InlineData(4, 32)]
    [InlineData(6, 24)]
    [InlineData(6, 28)]
    [InlineData(6, 32)]
    public void Find_SingleFamilyDatabaseEachRecordSize_FindsEachNetwork(int ipVersion, int recordSize)
    {
        using var database = CountryDatabase.Open(TestData.Good($"MaxMind-DB-test-ipv{ipVersion}-{recordSize}.mmdb"));

        Assert.Equal(ipVersion, database.Metadata.IPVersion);
        foreach (var (address, prefix) in ipVersion == 4 ? IPv4Expectations : IPv6Expectations)
        {
            Assert.NotNull(database.Find(IPAddress.Parse(address), out var found));
            Assert.Equal(prefix, found);
        }

        // Past the last network, and the other family (an IPv4 address in an IPv6-only tree walks ::/96).
        Assert.Null(database.Find(IPAddress.Parse(ipVersion == 4 ? "1.1.1.33" : "::2:0:60"), out _));
        Assert.Null(database.Find(IPAddress.Parse(ipVersion == 4 ? "2001:db8::1" : "1.1.1.1"), out _));
    }

    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void Find_MixedDatabaseEachRecordSize_FindsIPv4ThroughIPv6Tree(int recordSize)
    {
        using var database = CountryDatabase.Open(TestData.Good($"MaxMind-DB-test-mixed-{recordSize}.mmdb"));

        foreach (var (address, prefix) in IPv4Expectations)
        {
            Assert.NotNull(database.Find(IPAddress.Parse(address), out var found));
            Assert.Equal(prefix, found);
            Assert.NotNull(database.Find(IPAddress.Parse("::ffff:" + address), out var mapped));
            Assert.Equal(prefix, mapped);
            Assert.NotNull(database.Find(IPAddress.Parse("::" + address), out var compatible));
            Assert.Equal(96 + prefix, compatible);
        }

        foreach (var (address, prefix) in IPv6Expectations)
        {
            Assert.NotNull(database.Find(IPAddress.Parse(address), out var found));
            Assert.Equal(prefix, found);
        }

        // The 2002::/16 (6to4) alias the writer adds leads into the same IPv4 subtree.
        Assert.NotNull(database.Find(IPAddress.Parse("2002:101:101::"), out _));
    }

    [Theory]
    [InlineData("ipv4")]
    [InlineData("ipv6")]
    [InlineData("mixed")]
    public void Find_SameDataInEachRecordSize_GivesIdenticalAnswers(string family)
    {
        var databases = RecordSizes.Select(size => CountryDatabase.Open(TestData.Good($"MaxMind-DB-test-{family}-{size}.mmdb"))).ToArray();
        var addresses = Enumerable.Range(0, 256).Select(i => IPAddress.Parse($"1.1.1.{i}"))
            .Concat(Enumerable.Range(0, 256).Select(i => IPAddress.Parse($"::2:0:{i:x}")))
            .Concat(Enumerable.Range(0, 256).Select(i => IPAddress.Parse($"::1:ffff:ff{i:x2}")));

        foreach (var address in addresses)
        {
            var answers = databases.Select(database => (Found: database.Find(address, out var prefix) is not null, Prefix: prefix)).ToArray();
            Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        }

        Assert.All(databases, database => database.Dispose());
    }

    [Fact]
    public void Find_IPv6AddressInIPv4Database_FindsNothing()
    {
        using var database = CountryDatabase.Open(TestData.Good("MaxMind-DB-test-ipv4-24.mmdb"));

        Assert.Null(database.Find(IPAddress.Parse("2001:db8::1"), out _));
        Assert.NotNull(database.Find(IPAddress.Parse("::ffff:1.1.1.3"), out var prefix));
        Assert.Equal(31, prefix);
    }

    [Theory]
    [InlineData("MaxMind-DB-string-value-entries.mmdb")]
    [InlineData("MaxMind-DB-no-ipv4-search-tree.mmdb")]
    public void Open_RecordsThatAreNotMaps_RefusedAsNotCountryRecords(string name)
    {
        var path = TestData.Good(name);

        var error = Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.Open(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a country record", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TreeShape_MetadataWithPointers_ReadsNodeCountThroughTheLibrary()
    {
        using var reader = new Reader(TestData.Good("MaxMind-DB-test-metadata-pointers.mmdb"), FileAccessMode.Memory);

        var shape = TreeShape.Of(reader.Metadata);

        Assert.Equal(335u, shape.NodeCount);
        Assert.Equal("Lots of pointers in metadata", reader.Metadata.DatabaseType);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void TreeShape_EachRecordSize_ReadsRecordSizeThroughTheLibrary(int recordSize)
    {
        using var reader = new Reader(TestData.Good($"MaxMind-DB-test-mixed-{recordSize}.mmdb"), FileAccessMode.Memory);

        var shape = TreeShape.Of(reader.Metadata);

        Assert.Equal(recordSize, shape.RecordSize);
        Assert.Equal(6, shape.IpVersion);
        Assert.True(shape.NodeCount > 100, $"{shape.NodeCount} nodes");
    }

    [Theory]
    [InlineData("GeoIP2-City-Test.mmdb")]
    [InlineData("GeoIP2-Country-Test.mmdb")]
    [InlineData("GeoLite2-Country-Test.mmdb")]
    [InlineData("MaxMind-DB-test-decoder.mmdb")]
    [InlineData("MaxMind-DB-test-mixed-28.mmdb")]
    [InlineData("MaxMind-DB-test-nested.mmdb")]
    [InlineData("MaxMind-DB-test-pointer-decoder.mmdb")]
    [InlineData("MaxMind-DB-test-metadata-pointers.mmdb")]
    public void Open_GoodDatabase_PassesVerification(string name)
    {
        using var database = CountryDatabase.Open(TestData.Good(name));

        Assert.Equal(new FileInfo(TestData.Good(name)).Length, database.Size);
    }
}
