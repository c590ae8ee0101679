using System.Data.Common;
using PatientAccess.Data;

namespace PatientAccess.Monitor.Storage;

/// <summary>
/// The consumer's inserts, the hot path of the store, in the form each database takes fastest
/// (docs/performance.md, "Monitor"). Both insert with <c>ON CONFLICT (id) DO NOTHING</c>: a
/// replayed event is dropped by the database, and only the ids it newly stored are answered, so the
/// detectors see each event once.
/// - SQLite: one prepared single-row statement, bound and stepped once per row inside the batch's
///   transaction; a row was new when the statement changed one row. SQLite runs in process, so a
///   statement costs no round trip, and re-preparing a multi-row statement of 800 parameters per
///   chunk cost more than stepping a prepared one. No <c>RETURNING</c>: reading its answer through a
///   data reader per row took about half of the database's time (the database alone went from
///   17,000 to 27,000 events/s without it, on tmpfs).
/// - PostgreSQL: the whole batch in one statement and one round trip, its columns sent as eight
///   arrays and expanded by <c>unnest</c> (the plan stays the same whatever the batch size, unlike
///   a multi-row VALUES list), the new ids coming back with <c>RETURNING id</c>. COPY would be faster
///   still but cannot skip duplicates or return ids.
/// </summary>
internal static class AuditInserts
{
    private const string Columns = "id, recorded_ms, client_id, patient, outcome, subtype, address, json";

    public static Task InsertAsync(
        DatabaseProvider provider, DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRow> rows, HashSet<string> inserted, CancellationToken cancellationToken) =>
        provider == DatabaseProvider.Sqlite
            ? SqliteAsync(connection, transaction, rows, inserted, cancellationToken)
            : PostgresAsync(connection, transaction, rows, inserted, cancellationToken);

    private static async Task SqliteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRow> rows, HashSet<string> inserted, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO audit_events ({Columns}) VALUES (@a, @b, @c, @d, @e, @f, @g, @h) ON CONFLICT (id) DO NOTHING";
        var parameters = new DbParameter[8];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@" + (char)('a' + i);
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            parameters[0].Value = row.Id;
            parameters[1].Value = row.RecordedMs;
            parameters[2].Value = (object?)row.ClientId ?? DBNull.Value;
            parameters[3].Value = (object?)row.Patient ?? DBNull.Value;
            parameters[4].Value = row.Outcome;
            parameters[5].Value = (object?)row.Subtype ?? DBNull.Value;
            parameters[6].Value = (object?)row.Address ?? DBNull.Value;
            parameters[7].Value = row.Json;
            // SQLite answers in process: the synchronous call skips the async state machine per row.
#pragma warning disable CA1849
            if (command.ExecuteNonQuery() == 1)
#pragma warning restore CA1849
            {
                inserted.Add(row.Id);
            }
        }
    }

    private static async Task PostgresAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<AuditRow> rows, HashSet<string> inserted, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT INTO audit_events ({Columns})
            SELECT * FROM unnest(@a::text[], @b::bigint[], @c::text[], @d::text[], @e::text[], @f::text[], @g::text[], @h::text[])
            ON CONFLICT (id) DO NOTHING RETURNING id
            """;
        AuditStore.Add(command, "@a", rows.Select(r => r.Id).ToArray());
        AuditStore.Add(command, "@b", rows.Select(r => r.RecordedMs).ToArray());
        AuditStore.Add(command, "@c", rows.Select(r => r.ClientId).ToArray());
        AuditStore.Add(command, "@d", rows.Select(r => r.Patient).ToArray());
        AuditStore.Add(command, "@e", rows.Select(r => r.Outcome).ToArray());
        AuditStore.Add(command, "@f", rows.Select(r => r.Subtype).ToArray());
        AuditStore.Add(command, "@g", rows.Select(r => r.Address).ToArray());
        AuditStore.Add(command, "@h", rows.Select(r => r.Json).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetString(0));
        }
    }
}
