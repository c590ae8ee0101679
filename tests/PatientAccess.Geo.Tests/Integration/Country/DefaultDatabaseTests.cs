using System.Diagnostics;
using System.Net;
using PatientAccess.Geo.Country;
using PatientAccess.Geo.Reader;
using PatientAccess.Geo.Tests.Support;

namespace PatientAccess.Geo.Tests.Integration.Country;

public class DefaultDatabaseTests
{
    [Fact]
    public async Task Verify_DefaultDatabase_PassesAndUsesCountryCodeSchema()
    {
        var path = await DefaultDatabase.PathAsync();
        var clock = Stopwatch.StartNew();
        var database = MaxMindDatabase.Open(path);
        var opened = clock.Elapsed;
        database.Verify();
        var verified = clock.Elapsed - opened;

        Assert.Equal(6, database.Metadata.IpVersion);
        Assert.Equal(24, database.Metadata.RecordSize);
        Assert.True(database.Lookup(IPAddress.Parse("8.8.8.8")).Record.TryGet("country_code", out _));
        var resolver = new CountryResolver(database);
        Assert.Equal("US", resolver.GetCountryCode(IPAddress.Parse("8.8.8.8")));
        Assert.Equal("US", resolver.GetCountryCode(IPAddress.Parse("::ffff:8.8.8.8")));
        Assert.Null(resolver.GetCountryCode(IPAddress.Parse("10.0.0.1")));
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{database.Metadata.DatabaseType}, {database.Metadata.NodeCount} nodes, {database.Size} bytes: open {opened.TotalMilliseconds:F0} ms, verify {verified.TotalMilliseconds:F0} ms");
    }
}
