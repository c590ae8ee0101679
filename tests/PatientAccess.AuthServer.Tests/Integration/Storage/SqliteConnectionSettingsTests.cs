using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tests.Integration.Storage;

/// <summary>
/// The embedded mode's SQLite connections wait for a busy database inside SQLite and commit
/// without an fsync under the write lock (see SqliteConnectionSettings for the measured why);
/// WAL stays on. Checked on connections EF Core itself opens, as every request's are.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class SqliteConnectionSettingsTests(AuthBackends backends)
{
    [Fact]
    public async Task EveryConnection_WalBusyTimeoutAndNormalSync()
    {
        var contexts = backends[AuthBackends.Sqlite].Service<IDbContextFactory<AuthDbContext>>();
        for (var i = 0; i < 3; i++)
        {
            await using var db = await contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
            Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
            Assert.Equal("1", await PragmaAsync(db, "synchronous")); // NORMAL
        }
    }

    private static async Task<string> PragmaAsync(AuthDbContext db, string name)
    {
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA " + name + ";";
            return Convert.ToString(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture)!;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
