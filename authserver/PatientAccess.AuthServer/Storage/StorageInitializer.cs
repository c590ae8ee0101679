using Microsoft.EntityFrameworkCore;

namespace PatientAccess.AuthServer.Storage;

/// <summary>Creates the schema before anything else starts, so the first request never meets an empty database.</summary>
internal sealed class StorageInitializer(IDbContextFactory<AuthDbContext> contexts) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            await SchemaUpgrade.CreateMissingTablesAsync(db, cancellationToken);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while one writer commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
