using System.Net;
using PatientAccess.Geo.Decoding;
using PatientAccess.Geo.Reader;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Unit.Reader;

public class MaxMindDatabaseTests
{
    // Answers checked with mmdblookup: address -> (record's "ip" / string value, prefix length).
    private static readonly (string Address, string Expected, int Prefix)[] IPv4Expectations =
    [
        ("1.1.1.1", "1.1.1.1", 32), ("1.1.1.3", "1.1.1.2", 31), ("1.1.1.7", "1.1.1.4", 30),
        ("1.1.1.15", "1.1.1.8", 29), ("1.1.1.31", "1.1.1.16", 28), ("1.1.1.32", "1.1.1.32", 32),
    ];

    private static readonly (string Address, string Expected, int Prefix)[] IPv6Expectations =
    [
        ("::1:ffff:ffff", "::1:ffff:ffff", 128), ("::2:0:1", "::2:0:0", 122), ("::2:0:39", "::2:0:0", 122),
        ("::2:0:41", "::2:0:40", 124), ("::2:0:52", "::2:0:50", 125), ("::2:0:59", "::2:0:58", 127),
    ];

    private static readonly int[] RecordSizes = [24, 28, 32];

    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void Lookup_IPv4DatabaseEachRecordSize_FindsEachNetwork(int recordSize)
    {
        var database = MaxMindDatabase.Open(TestData.Good($"MaxMind-DB-test-ipv4-{recordSize}.mmdb"));

        Assert.Equal(recordSize, database.Metadata.RecordSize);
        Assert.Equal(4, database.Metadata.IpVersion);
        foreach (var (address, expected, prefix) in IPv4Expectations)
        {
            var result = database.Lookup(IPAddress.Parse(address));
            Assert.Equal(expected, result.Record["ip"].AsString());
            Assert.Equal(prefix, result.PrefixLength);
        }

        Assert.False(database.Lookup(IPAddress.Parse("1.1.1.33")).Found);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void Lookup_IPv6DatabaseEachRecordSize_FindsEachNetwork(int recordSize)
    {
        var database = MaxMindDatabase.Open(TestData.Good($"MaxMind-DB-test-ipv6-{recordSize}.mmdb"));

        Assert.Equal(recordSize, database.Metadata.RecordSize);
        Assert.Equal(6, database.Metadata.IpVersion);
        foreach (var (address, expected, prefix) in IPv6Expectations)
        {
            var result = database.Lookup(IPAddress.Parse(address));
            Assert.Equal(expected, result.Record["ip"].AsString());
            Assert.Equal(prefix, result.PrefixLength);
        }

        Assert.False(database.Lookup(IPAddress.Parse("::2:0:60")).Found);
        Assert.False(database.Lookup(IPAddress.Parse("1.1.1.1")).Found);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(28)]
    [InlineData(32)]
    public void Lookup_MixedDatabaseEachRecordSize_FindsIPv4ThroughIPv6Tree(int recordSize)
    {
        var database = MaxMindDatabase.Open(TestData.Good($"MaxMind-DB-test-mixed-{recordSize}.mmdb"));

        foreach (var (address, expected, prefix) in IPv4Expectations)
        {
            var result = database.Lookup(IPAddress.Parse(address));
            Assert.Equal("::" + expected, result.Record["ip"].AsString());
            Assert.Equal(prefix, result.PrefixLength);
            Assert.Equal(result, database.Lookup(IPAddress.Parse("::ffff:" + address)));
            Assert.Equal(result.Record, database.Lookup(IPAddress.Parse("::" + address)).Record);
        }

        foreach (var (address, expected, prefix) in IPv6Expectations)
        {
            var result = database.Lookup(IPAddress.Parse(address));
            Assert.Equal(expected, result.Record["ip"].AsString());
            Assert.Equal(prefix, result.PrefixLength);
        }

        // The 2002::/16 (6to4) alias the writer adds leads into the same IPv4 subtree.
        Assert.Equal("::1.1.1.1", database.Lookup(IPAddress.Parse("2002:101:101::")).Record["ip"].AsString());
    }

    [Theory]
    [InlineData("ipv4")]
    [InlineData("ipv6")]
    [InlineData("mixed")]
    public void Lookup_SameDataInEachRecordSize_GivesIdenticalAnswers(string family)
    {
        var databases = RecordSizes.Select(size => MaxMindDatabase.Open(TestData.Good($"MaxMind-DB-test-{family}-{size}.mmdb"))).ToArray();
        var addresses = Enumerable.Range(0, 256).Select(i => IPAddress.Parse($"1.1.1.{i}"))
            .Concat(Enumerable.Range(0, 256).Select(i => IPAddress.Parse($"::2:0:{i:x}")))
            .Concat(Enumerable.Range(0, 256).Select(i => IPAddress.Parse($"::1:ffff:ff{i:x2}")));

        foreach (var address in addresses)
        {
            var answers = databases.Select(database => database.Lookup(address)).ToArray();
            Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        }
    }

    [Fact]
    public void Lookup_IPv6AddressInIPv4Database_FindsNothing()
    {
        var database = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-test-ipv4-24.mmdb"));

        Assert.False(database.Lookup(IPAddress.Parse("2001:db8::1")).Found);
        Assert.Equal("1.1.1.2", database.Lookup(IPAddress.Parse("::ffff:1.1.1.3")).Record["ip"].AsString());
    }

    [Fact]
    public void Lookup_NoIPv4SearchTree_IPv4FindsTheCoveringIPv6Record()
    {
        var database = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-no-ipv4-search-tree.mmdb"));

        var result = database.Lookup(IPAddress.Parse("1.1.1.1"));

        Assert.Equal("::/64", result.Record.AsString());
        Assert.Equal(0, result.PrefixLength);
        Assert.Equal(64, database.Lookup(IPAddress.Parse("::1:0:0")).PrefixLength);
        Assert.False(database.Lookup(IPAddress.Parse("2001::1")).Found);
    }

    [Fact]
    public void Lookup_StringValueEntries_ReturnsStringRecords()
    {
        var database = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-string-value-entries.mmdb"));

        Assert.Equal("1.1.1.2/31", database.Lookup(IPAddress.Parse("1.1.1.3")).Record.AsString());
        Assert.Equal("1.1.1.16/28", database.Lookup(IPAddress.Parse("1.1.1.16")).Record.AsString());
        Assert.False(database.Lookup(IPAddress.Parse("1.1.1.33")).Found);
    }

    [Fact]
    public void Open_MetadataWithPointers_ResolvesThem()
    {
        var metadata = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-test-metadata-pointers.mmdb")).Metadata;

        Assert.Equal("Lots of pointers in metadata", metadata.DatabaseType);
        Assert.Equal(["en", "es", "zh"], metadata.Languages);
        Assert.Equal("Lots of pointers in metadata", metadata.Description["es"]);
        Assert.Equal(335u, metadata.NodeCount);
    }

    [Fact]
    public void Open_TestDatabase_ReadsEveryMetadataField()
    {
        var metadata = MaxMindDatabase.Open(TestData.Good("MaxMind-DB-test-ipv4-24.mmdb")).Metadata;

        Assert.Equal(2, metadata.BinaryFormatMajorVersion);
        Assert.Equal(0, metadata.BinaryFormatMinorVersion);
        Assert.Equal("Test", metadata.DatabaseType);
        Assert.Equal(["en", "zh"], metadata.Languages);
        Assert.Equal("Test Database", metadata.Description["en"]);
        Assert.Equal("Test Database Chinese", metadata.Description["zh"]);
        Assert.True(metadata.BuildEpoch > 1_373_571_901);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((long)metadata.BuildEpoch), metadata.BuildTime);
        Assert.Equal(MmdbValueKind.Map, metadata.Raw["description"].Kind);
    }

    [Fact]
    public void FromMemory_SliceOfLargerBuffer_ReadsOnlyTheSlice()
    {
        var file = File.ReadAllBytes(TestData.Good("MaxMind-DB-test-ipv4-24.mmdb"));
        var padded = new byte[file.Length + 100];
        file.CopyTo(padded, 50);

        var database = MaxMindDatabase.FromMemory(padded.AsMemory(50, file.Length));

        Assert.Equal("1.1.1.2", database.Lookup(IPAddress.Parse("1.1.1.3")).Record["ip"].AsString());
    }

    [Theory]
    [InlineData("GeoIP2-City-Test.mmdb")]
    [InlineData("GeoIP2-Country-Test.mmdb")]
    [InlineData("MaxMind-DB-test-decoder.mmdb")]
    [InlineData("MaxMind-DB-test-mixed-28.mmdb")]
    [InlineData("MaxMind-DB-test-nested.mmdb")]
    public void Verify_GoodDatabase_Passes(string name)
    {
        MaxMindDatabase.Open(TestData.Good(name)).Verify();
    }
}
