using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Clients;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tests.Integration.Storage;

/// <summary>
/// A database made by an older release (here: one table missing, as a table added by a later
/// release would be) gets the table at the next start, and keeps every row it had.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class SchemaUpgradeTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Restart_TableMissingFromOlderDatabase_CreatedAndRowsKept(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await backends.FreshAsync(backend);
        await first.Service<ClientRegistry>().RegisterAsync(
            new ClientRegistration("upgrade-app", "Upgrade App", ClientType.Public, ClientStatus.Sandbox, ["https://app.example/cb"], ["patient/*.rs"]), ct);
        await using (var db = await first.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct))
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE member_lockouts", ct);
        }

        var connection = first.Backend == AuthBackends.PostgreSql ? first.ConnectionString : null;
        await first.DisposeAsync();

        var second = await backends.FreshAsync(backend, dataDirectory: first.DataDirectory, connectionString: connection);
        await using var after = await second.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct);
        Assert.Equal(0, await after.Lockouts.CountAsync(ct));
        Assert.NotNull(await after.Clients.SingleOrDefaultAsync(c => c.ClientId == "upgrade-app", ct));
    }

    [Theory]
    [InlineData("CREATE TABLE \"x\" (\"a\" TEXT)", "CREATE TABLE IF NOT EXISTS \"x\" (\"a\" TEXT)")]
    [InlineData("CREATE UNIQUE INDEX \"ix\" ON \"x\" (\"a\")", "CREATE UNIQUE INDEX IF NOT EXISTS \"ix\" ON \"x\" (\"a\")")]
    [InlineData("CREATE INDEX IF NOT EXISTS \"ix\" ON \"x\" (\"a\")", null)]
    [InlineData("PRAGMA foo", null)]
    public void Guard_Statement_OnlyCreatesGuarded(string statement, string? expected) =>
        Assert.Equal(expected, SchemaUpgrade.Guard(statement));
}
