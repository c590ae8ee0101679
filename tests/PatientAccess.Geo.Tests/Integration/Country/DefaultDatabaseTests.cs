using System.Diagnostics;
using System.Net;
using MaxMind.Db;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Integration.Country;

public class DefaultDatabaseTests
{
    [Fact]
    public async Task Open_DefaultDatabase_PassesVerificationAndUsesCountryCodeSchema()
    {
        var path = await DefaultDatabase.PathAsync();
        var clock = Stopwatch.StartNew();
        using var database = CountryDatabase.Open(path);
        var loaded = clock.Elapsed;

        Assert.Equal(6, database.Metadata.IPVersion);
        using var reader = new Reader(path, FileAccessMode.Memory);
        Assert.Equal(24, TreeShape.Of(reader.Metadata).RecordSize);
        var record = database.Find(IPAddress.Parse("8.8.8.8"), out _);
        Assert.Equal("US", record?.CountryCode);
        Assert.Null(record?.Country);
        Assert.Equal("US", database.GetCountryCode(IPAddress.Parse("8.8.8.8")));
        Assert.Equal("US", database.GetCountryCode(IPAddress.Parse("::ffff:8.8.8.8")));
        Assert.Null(database.GetCountryCode(IPAddress.Parse("10.0.0.1")));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database.Metadata.DatabaseType}, {TreeShape.Of(reader.Metadata).NodeCount} nodes, {database.Size} bytes: open and verify {loaded.TotalMilliseconds:F0} ms");
    }
}
