using System.Diagnostics;
using System.Net;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Unit.Database;

/// <summary>MaxMind's bad test databases and damaged copies of good ones: refused at load, with the file named, never at request time.</summary>
public class BadDatabaseTests
{
    /// <summary>
    /// In bad/ but structurally valid: MaxMind's generator builds them to catch an off-by-one in
    /// libmaxminddb when the last metadata value is an empty container. The default database
    /// (ip-location-db) has empty languages and description too, so refusing them would be wrong.
    /// </summary>
    private static readonly HashSet<string> ValidRegressionFiles =
    [
        "libmaxminddb-empty-array-last-in-metadata.mmdb",
        "libmaxminddb-empty-map-last-in-metadata.mmdb",
    ];

    public static TheoryData<string> CorruptFiles() =>
        [.. TestData.BadFiles().Select(Path.GetFileName).Where(name => !ValidRegressionFiles.Contains(name!)).Cast<string>()];

    public static TheoryData<string> AllFiles() => [.. TestData.BadFiles().Select(Path.GetFileName).Cast<string>()];

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public void Open_CorruptFile_ThrowsInvalidDatabaseWithReason(string name)
    {
        var path = Path.Combine(TestData.Folder, "bad", name);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.Open(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length > path.Length + 20, error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }

    /// <summary>The file MaxMind.Db opens and answers from without complaint: a node that points back to the root.</summary>
    [Fact]
    public void Open_SearchTreePointingBackToRoot_RefusedByOurCheck()
    {
        var path = Path.Combine(TestData.Folder, "bad", "libmaxminddb-corrupt-search-tree.mmdb");

        var error = Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.Open(path));

        Assert.Equal($"{path}: Invalid search tree: the left record of node 1 points back to the root node.", error.Message);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Find_AnyBadFileThatOpens_AnswersEveryAddressWithoutError(string name)
    {
        CountryDatabase database;
        try
        {
            database = CountryDatabase.Open(Path.Combine(TestData.Folder, "bad", name));
        }
        catch (InvalidDatabaseException)
        {
            return;
        }

        using (database)
        {
            foreach (var address in ProbeAddresses())
            {
                database.Find(address, out _);
            }
        }
    }

    [Theory]
    [InlineData("libmaxminddb-empty-array-last-in-metadata.mmdb")]
    [InlineData("libmaxminddb-empty-map-last-in-metadata.mmdb")]
    public void Open_EmptyContainerLastInMetadata_AcceptsValidFile(string name)
    {
        using var database = CountryDatabase.Open(Path.Combine(TestData.Folder, "bad", name));

        Assert.Empty(database.Metadata.Languages);
        Assert.Empty(database.Metadata.Description);
        Assert.NotNull(database.Find(IPAddress.Parse("1.2.3.4"), out _));
    }

    [Fact]
    public void Open_BuildEpochBeyondAnyDate_NamesTheField()
    {
        var error = Assert.Throws<InvalidDatabaseException>(() =>
            CountryDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(MmdbBytes.Map(0), buildEpoch: ulong.MaxValue)));

        Assert.Contains("build_epoch is not a representable date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 2, 3 })]
    public void Open_NotAnMmdb_Refuses(byte[] bytes)
    {
        var error = Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.FromBytes(bytes, "x.mmdb"));

        Assert.StartsWith("x.mmdb: ", error.Message, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }

    [Fact]
    public void Open_TruncatedGoodFile_RefusesEveryLength()
    {
        var file = File.ReadAllBytes(TestData.Good("GeoIP2-Country-Test.mmdb"));

        for (var length = 0; length < file.Length; length += 97)
        {
            Assert.Throws<InvalidDatabaseException>(() => CountryDatabase.FromBytes(file[..length]));
        }
    }

    [Fact]
    public void Open_RandomByteFlips_RefusedOrEveryLookupAnswers()
    {
        var file = File.ReadAllBytes(TestData.Good("GeoIP2-City-Test.mmdb"));
        var random = new Random(20261122);
        var accepted = 0;

        for (var i = 0; i < 300; i++)
        {
            var copy = (byte[])file.Clone();
            for (var flips = 0; flips < 4; flips++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            CountryDatabase database;
            try
            {
                database = CountryDatabase.FromBytes(copy);
            }
            catch (InvalidDatabaseException)
            {
                continue;
            }

            // Accepted (the flips hit bytes no lookup reads, or left valid values): no lookup may fail.
            accepted++;
            using (database)
            {
                foreach (var address in ProbeAddresses().Take(200))
                {
                    database.GetCountryCode(address);
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{accepted} of 300 damaged copies accepted");
    }

    /// <summary>Both families, every first octet, and the networks the test files actually use.</summary>
    private static IEnumerable<IPAddress> ProbeAddresses()
    {
        for (var octet = 0; octet < 256; octet++)
        {
            yield return new IPAddress([(byte)octet, 1, 1, 1]);
            yield return new IPAddress([(byte)octet, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
        }

        for (var last = 0; last < 64; last++)
        {
            yield return new IPAddress([1, 1, 1, (byte)last]);
            yield return IPAddress.Parse($"::2:0:{last:x}");
        }

        foreach (var address in new[] { "2001:218::1", "2a02:d500::1", "81.2.69.160", "175.16.199.1", "::1.1.1.1", "::" })
        {
            yield return IPAddress.Parse(address);
        }
    }
}
