using Microsoft.EntityFrameworkCore;

namespace PatientAccess.AuthServer.Storage;

/// <summary>
/// Brings a database made by an older release up to the current model without losing its rows:
/// <c>EnsureCreated</c> does nothing on a database that exists, so tables and indexes added since
/// are created here from the model's own script, each statement guarded with IF NOT EXISTS (both
/// SQLite and PostgreSQL understand it). Columns are never added this way: a feature that needs
/// more about an existing row keeps it in a table of its own.
/// </summary>
internal static class SchemaUpgrade
{
    public static async Task CreateMissingTablesAsync(AuthDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var script = db.Database.GenerateCreateScript();
        foreach (var statement in script.Split(";", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var guarded = Guard(statement);
            if (guarded is not null)
            {
                await db.Database.ExecuteSqlRawAsync(guarded, cancellationToken);
            }
        }
    }

    /// <summary>The statement with IF NOT EXISTS, or null for anything that is not a CREATE TABLE or CREATE INDEX.</summary>
    internal static string? Guard(string statement)
    {
        string[] creates = ["CREATE TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX "];
        foreach (var create in creates)
        {
            if (statement.StartsWith(create, StringComparison.OrdinalIgnoreCase) && !statement.StartsWith(create + "IF NOT EXISTS", StringComparison.OrdinalIgnoreCase))
            {
                return string.Concat(create, "IF NOT EXISTS ", statement.AsSpan(create.Length));
            }
        }

        return null;
    }
}
