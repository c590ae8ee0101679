using System.Data.Common;
using PatientAccess.Data;

namespace PatientAccess.Monitor.Storage;

/// <summary>
/// Runs a table set's <c>CREATE ... IF NOT EXISTS</c> statements so that several monitor processes
/// starting at once on one database do not trip over each other: PostgreSQL's IF NOT EXISTS is not
/// safe against a concurrent CREATE (a duplicate key in pg_type), so the statements run in one
/// transaction behind an advisory lock; SQLite's in one IMMEDIATE transaction (the write lock), with
/// PRAGMAs, which SQLite refuses inside a transaction, first.
/// </summary>
internal static class SchemaApplier
{
    /// <summary>Any fixed number, the same for every monitor table set: they are made one after the other.</summary>
    private const long AdvisoryLockKey = 0x5041_4D4F_4E49_5452; // "PAMONITR"

    private const int Attempts = 10;

    /// <summary>
    /// Retried a few times: while another process holds SQLite's write lock, preparing a statement fails,
    /// and SQLitePCL reports that failure as an ArgumentOutOfRangeException rather than SQLITE_BUSY.
    /// </summary>
    public static async Task ApplyAsync(DbConnection connection, DatabaseProvider provider, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(connection, provider, statements, cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < Attempts && ex is not OperationCanceledException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
            }
        }
    }

    private static async Task ApplyOnceAsync(DbConnection connection, DatabaseProvider provider, IReadOnlyList<string> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statements);
        foreach (var pragma in statements.Where(IsPragma))
        {
            await ExecuteAsync(connection, null, pragma, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (provider == DatabaseProvider.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        foreach (var statement in statements.Where(s => !IsPragma(s)))
        {
            await ExecuteAsync(connection, transaction, statement, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static bool IsPragma(string statement) => statement.TrimStart().StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase);

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
