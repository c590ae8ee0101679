using Microsoft.EntityFrameworkCore;
using PatientAccess.AuthServer.Member.Sessions;
using PatientAccess.AuthServer.Storage;

namespace PatientAccess.AuthServer.Tests.Integration.Storage;

/// <summary>
/// A database made before demo members could have many accounts (a unique index on
/// member_accounts.PatientId, no member_patient_claims table) is upgraded at the next start: the
/// real member who already had an account keeps it and still cannot get a second one, and the demo
/// member can now be registered again.
/// </summary>
[Collection(AuthTestGroup.Name)]
public sealed class MemberAccountIndexUpgradeTests(AuthBackends backends)
{
    [Theory]
    [MemberData(nameof(AuthBackends.Names), MemberType = typeof(AuthBackends))]
    public async Task Restart_OldUniquePatientIndex_DroppedAndRealMembersKeepTheirOneAccount(string backend)
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await backends.FreshAsync(backend);
        await using (var db = await first.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct))
        {
            // What an older release left: the unique index, no claims table, one account each.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE member_patient_claims", ct);
            await db.Database.ExecuteSqlRawAsync("DROP INDEX \"" + MemberAccountIndexUpgrade.PatientIndex + "\"", ct);
            await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX \"" + MemberAccountIndexUpgrade.OldUniqueIndex + "\" ON member_accounts (\"PatientId\")", ct);
            db.MemberAccounts.Add(new MemberAccountRecord { AccountId = "m-real", Email = "real@example.com", PatientId = "real-patient-1", CreatedAt = 1 });
            db.MemberAccounts.Add(new MemberAccountRecord { AccountId = "m-demo", Email = "dev1@example.com", PatientId = "demo-john-allen", CreatedAt = 1 });
            await db.SaveChangesAsync(ct);
        }

        var connection = first.Backend == AuthBackends.PostgreSql ? first.ConnectionString : null;
        await first.DisposeAsync();
        await using var second = await backends.FreshAsync(backend, dataDirectory: first.DataDirectory, connectionString: connection);

        var accounts = second.Service<MemberAccounts>();
        Assert.True(await accounts.IsRegisteredAsync("real-patient-1", ct));
        Assert.Null(await accounts.CreateAsync("someone-else@example.com", "real-patient-1", ct));
        Assert.NotNull(await accounts.CreateAsync("dev2@example.com", "demo-john-allen", ct));
        await using var after = await second.Service<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(ct);
        var claim = await after.MemberPatientClaims.SingleAsync(ct);
        Assert.Equal(("real-patient-1", "m-real"), (claim.PatientId, claim.AccountId));
        Assert.Equal(2, await after.MemberAccounts.CountAsync(a => a.PatientId == "demo-john-allen", ct));

        // Once upgraded, a further start finds nothing to do.
        Assert.False(await MemberAccountIndexUpgrade.RunAsync(after, ["demo-john-allen"], ct));
    }
}
