using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Options;
using PatientAccess.Data;
using PatientAccess.Monitor.Search;

namespace PatientAccess.Monitor.Storage;

/// <summary>
/// The AuditEvent store on the service's database (SQLite by default, PostgreSQL), in plain ADO.NET.
/// Writes are batched: one transaction per consumer round (<see cref="AuditInserts"/>, with
/// <c>ON CONFLICT (id) DO NOTHING RETURNING id</c> on both databases), so duplicates cost no round trip of their own.
/// The schema is made on first use, and again after a failure, so a database that is down at
/// start does not stop the service.
/// </summary>
internal sealed class AuditStore(DbConnectionFactory connections, MonitorSchema schema, IOptions<AuditStoreOptions> options)
{
    private readonly string _sqlitePragmas = FormattableString.Invariant(
        $"PRAGMA synchronous={options.Value.SqliteSynchronous}; PRAGMA cache_size=-{options.Value.SqliteCacheMegabytes * 1024}; PRAGMA wal_autocheckpoint={options.Value.SqliteCheckpointPages}");

    public DatabaseProvider Provider => connections.Provider;

    /// <summary>
    /// Stores the rows and dead letters in one transaction; returns the ids of the rows that were new
    /// (a replayed event is not among them, so what observes new events sees each event once).
    /// </summary>
    public async Task<IReadOnlySet<string>> StoreAsync(IReadOnlyList<AuditRow> rows, IReadOnlyList<DeadLetter> deadLetters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(deadLetters);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await AuditInserts.InsertAsync(connections.Provider, connection, transaction, rows, inserted, cancellationToken);

        foreach (var dead in deadLetters)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO audit_dead_letters (entry_id, reason, fields, received_ms) VALUES (@e, @r, @f, @t)";
            Add(command, "@e", dead.EntryId);
            Add(command, "@r", dead.Reason);
            Add(command, "@f", dead.Fields);
            Add(command, "@t", dead.ReceivedMs);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    public async Task<string?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM audit_events WHERE id = @id";
        Add(command, "@id", id);
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>One page, newest first (recorded, then storage order), and the cursor of the next page if there is one.</summary>
    public async Task<(IReadOnlyList<string> Json, AuditCursor? Next)> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        var where = AuditQuerySql.Where(query, command);
        command.CommandText = $"SELECT json, recorded_ms, seq FROM audit_events{where} ORDER BY recorded_ms DESC, seq DESC LIMIT {(query.Count + 1).ToString(CultureInfo.InvariantCulture)}";
        var page = new List<string>(query.Count);
        AuditCursor? next = null;
        long lastRecorded = 0;
        long lastSeq = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (page.Count == query.Count)
            {
                next = new AuditCursor(lastRecorded, lastSeq);
                break;
            }

            page.Add(reader.GetString(0));
            lastRecorded = reader.GetInt64(1);
            lastSeq = reader.GetInt64(2);
        }

        return (page, next);
    }

    /// <summary>Deletes up to <paramref name="limit"/> events recorded before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PurgeAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Chunked, so a first purge of years of events does not hold one huge transaction.
        command.CommandText = $"DELETE FROM audit_events WHERE seq IN (SELECT seq FROM audit_events WHERE recorded_ms < @before ORDER BY recorded_ms LIMIT {limit.ToString(CultureInfo.InvariantCulture)})";
        Add(command, "@before", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM audit_events";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>The dead letters, oldest first: (entry id, reason).</summary>
    public async Task<IReadOnlyList<(string EntryId, string Reason)>> DeadLettersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT entry_id, reason FROM audit_dead_letters ORDER BY seq";
        var result = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    internal static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    /// <summary>A connection to the store's database with its schema made: for the reports, which query the same tables.</summary>
    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            if (connections.Provider == DatabaseProvider.Sqlite)
            {
                // Per connection: SQLite does not keep these in the file (AuditStoreOptions).
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = _sqlitePragmas;
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            await schema.EnsureAsync(connection, cancellationToken);

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
