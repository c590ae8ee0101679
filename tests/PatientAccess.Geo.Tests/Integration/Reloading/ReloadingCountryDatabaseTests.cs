using System.Collections.Concurrent;
using System.Net;
using PatientAccess.Geo.Database;
using PatientAccess.Geo.Reloading;
using PatientAccess.Geo.Tests.Support;
using PatientAccess.Testing;

namespace PatientAccess.Geo.Tests.Integration.Reloading;

public sealed class ReloadingCountryDatabaseTests : IDisposable
{
    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string _folder = Directory.CreateTempSubdirectory("pa-geo-reload-").FullName;
    private readonly ConcurrentQueue<string> _reloaded = new();
    private readonly ConcurrentQueue<string> _failed = new();

    private string DatabasePath => Path.Combine(_folder, "country.mmdb");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task GetCountryCode_FileReplacedByRename_AnswersChangeWithoutRestart()
    {
        Publish(CountryDatabase("US"));
        using var database = Watch(new ReloadingDatabaseOptions { PollInterval = TimeSpan.Zero, SettleDelay = TimeSpan.FromMilliseconds(50) });
        Assert.Equal("US", database.GetCountryCode(Address));

        Publish(CountryDatabase("CA"));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(database.GetCountryCode(Address) == "CA"), Patience), Reports());
        Assert.NotEmpty(_reloaded);
        Assert.Empty(_failed);
    }

    [Fact]
    public async Task GetCountryCode_WatcherOff_PollingPicksUpChange()
    {
        Publish(CountryDatabase("US"));
        using var database = Watch(new ReloadingDatabaseOptions { UseFileSystemWatcher = false, PollInterval = TimeSpan.FromMilliseconds(100) });

        Publish(CountryDatabase("MX"));

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(database.GetCountryCode(Address) == "MX"), Patience), Reports());
    }

    [Fact]
    public async Task GetCountryCode_FileOverwrittenWithCorruptData_KeepsOldAnswersAndReports()
    {
        Publish(CountryDatabase("US"));
        using var database = Watch(new ReloadingDatabaseOptions { PollInterval = TimeSpan.FromMilliseconds(100), SettleDelay = TimeSpan.FromMilliseconds(50) });

        await File.WriteAllBytesAsync(DatabasePath, File.ReadAllBytes(TestData.Folder + "/bad/libmaxminddb-oversized-map.mmdb"), TestContext.Current.CancellationToken);
        // A poll that sees the write before the watcher's event does (it used to make two reports).
        database.ReloadIfChanged();

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(!_failed.IsEmpty), Patience), Reports());
        Assert.Contains("exceeds the maximum number of values", _failed.First(), StringComparison.Ordinal);
        Assert.Contains(DatabasePath, _failed.First(), StringComparison.Ordinal);
        Assert.Equal("US", database.GetCountryCode(Address));

        // The bad version is reported once, not on every poll nor again for the watcher's event.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Single(_failed);

        Publish(CountryDatabase("PR"));
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(database.GetCountryCode(Address) == "PR"), Patience), Reports());
    }

    [Fact]
    public async Task GetCountryCode_FileWrittenSlowlyInPlace_SwapsOnlyOnceComplete()
    {
        Publish(CountryDatabase("US"));
        using var database = Watch(new ReloadingDatabaseOptions { PollInterval = TimeSpan.FromMilliseconds(100), SettleDelay = TimeSpan.FromMilliseconds(50) });
        var next = File.ReadAllBytes(TestData.Good("GeoLite2-Country-Test.mmdb"));

        await using (var stream = new FileStream(DatabasePath, FileMode.Create, FileAccess.Write, FileShare.ReadWrite))
        {
            await stream.WriteAsync(next.AsMemory(0, next.Length / 2), TestContext.Current.CancellationToken);
            await stream.FlushAsync(TestContext.Current.CancellationToken);
            await Task.Delay(600, TestContext.Current.CancellationToken);
            Assert.Equal("US", database.GetCountryCode(Address));
            await stream.WriteAsync(next.AsMemory(next.Length / 2), TestContext.Current.CancellationToken);
        }

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(database.GetCountryCode(IPAddress.Parse("2.125.160.216")) == "GB"), Patience), Reports());
        Assert.Null(database.GetCountryCode(Address));
    }

    [Fact]
    public void ReloadIfChanged_FileUnchanged_KeepsSameDatabase()
    {
        Publish(CountryDatabase("US"));
        using var database = Watch(new ReloadingDatabaseOptions { UseFileSystemWatcher = false, PollInterval = TimeSpan.Zero });
        var before = database.Current;

        Assert.False(database.ReloadIfChanged());
        Assert.Same(before, database.Current);
    }

    [Fact]
    public void Constructor_CorruptFile_Throws()
    {
        File.WriteAllBytes(DatabasePath, [1, 2, 3]);

        var error = Assert.Throws<InvalidDatabaseException>(() => new ReloadingCountryDatabase(DatabasePath));

        Assert.Contains(DatabasePath, error.Message, StringComparison.Ordinal);
    }

    private static byte[] CountryDatabase(string country) =>
        MmdbBytes.SingleRecordDatabase([.. MmdbBytes.Map(1), .. MmdbBytes.String("country_code"), .. MmdbBytes.String(country)]);

    /// <summary>Write beside the file, then rename over it: how a new database should be published.</summary>
    private void Publish(byte[] bytes)
    {
        var temporary = DatabasePath + ".new";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, DatabasePath, overwrite: true);
    }

    private ReloadingCountryDatabase Watch(ReloadingDatabaseOptions options)
    {
        var database = new ReloadingCountryDatabase(DatabasePath, options);
        database.Reloaded += (_, e) => _reloaded.Enqueue(e.Message);
        database.ReloadFailed += (_, e) => _failed.Enqueue(e.Message);
        return database;
    }

    private string Reports() => $"reloaded: [{string.Join("; ", _reloaded)}], failed: [{string.Join("; ", _failed)}]";
}
