using System.Diagnostics;
using System.Net;
using PatientAccess.Geo.Reader;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Unit.Reader;

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
    public void OpenAndVerify_CorruptFile_ThrowsInvalidDatabaseWithReason(string name)
    {
        var path = Path.Combine(TestData.Folder, "bad", name);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<InvalidDatabaseException>(() => MaxMindDatabase.Open(path).Verify());

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Length > path.Length + 20, error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        TestContext.Current.TestOutputHelper?.WriteLine(error.Message);
    }

    [Theory]
    [MemberData(nameof(AllFiles))]
    public void Lookup_AnyBadFile_FailsOnlyWithInvalidDatabase(string name)
    {
        var path = Path.Combine(TestData.Folder, "bad", name);
        var clock = Stopwatch.StartNew();
        MaxMindDatabase database;
        try
        {
            database = MaxMindDatabase.Open(path);
        }
        catch (InvalidDatabaseException)
        {
            return;
        }

        var refusals = 0;
        foreach (var address in ProbeAddresses())
        {
            try
            {
                database.Lookup(address);
            }
            catch (InvalidDatabaseException)
            {
                refusals++;
            }
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        TestContext.Current.TestOutputHelper?.WriteLine($"{refusals} of the probed addresses refused");
    }

    [Theory]
    [InlineData("libmaxminddb-empty-array-last-in-metadata.mmdb")]
    [InlineData("libmaxminddb-empty-map-last-in-metadata.mmdb")]
    public void OpenAndVerify_EmptyContainerLastInMetadata_AcceptsValidFile(string name)
    {
        var database = MaxMindDatabase.Open(Path.Combine(TestData.Folder, "bad", name));

        database.Verify();

        Assert.Empty(database.Metadata.Languages);
        Assert.Empty(database.Metadata.Description);
        Assert.Equal("test", database.Lookup(IPAddress.Parse("1.2.3.4")).Record["ip"].AsString());
    }

    [Fact]
    public void Open_BuildEpochBeyondAnyDate_NamesTheField()
    {
        var error = Assert.Throws<InvalidDatabaseException>(() =>
            MaxMindDatabase.FromBytes(MmdbBytes.SingleRecordDatabase(MmdbBytes.String("x"), buildEpoch: ulong.MaxValue)));

        Assert.Contains("build_epoch 18446744073709551615", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[0], "metadata marker was not found")]
    [InlineData(new byte[] { 1, 2, 3 }, "metadata marker was not found")]
    public void Open_NotAnMmdb_Refuses(byte[] bytes, string reason)
    {
        var error = Assert.Throws<InvalidDatabaseException>(() => MaxMindDatabase.FromBytes(bytes));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_TruncatedGoodFile_RefusesEveryLength()
    {
        var file = File.ReadAllBytes(TestData.Good("GeoIP2-Country-Test.mmdb"));

        for (var length = 0; length < file.Length; length += 97)
        {
            Assert.Throws<InvalidDatabaseException>(() => MaxMindDatabase.FromBytes(file[..length]).Verify());
        }
    }

    [Fact]
    public void Verify_RandomByteFlips_OnlyEverThrowsInvalidDatabase()
    {
        var file = File.ReadAllBytes(TestData.Good("GeoIP2-City-Test.mmdb"));
        var random = new Random(20261122);

        for (var i = 0; i < 300; i++)
        {
            var copy = (byte[])file.Clone();
            for (var flips = 0; flips < 4; flips++)
            {
                copy[random.Next(copy.Length)] = (byte)random.Next(256);
            }

            try
            {
                var database = MaxMindDatabase.FromBytes(copy);
                database.Verify();
                foreach (var address in ProbeAddresses().Take(200))
                {
                    database.Lookup(address);
                }
            }
            catch (InvalidDatabaseException)
            {
                // Refused: the expected outcome for most flips.
            }
        }
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
