using PatientAccess.Data;

namespace PatientAccess.Monitor.Storage;

/// <summary>
/// The monitor's tables: <c>audit_events</c> (the AuditEvent JSON and its search columns; the event
/// id unique, so a replayed event is dropped by the database itself) and <c>audit_dead_letters</c>.
/// <c>seq</c> orders events stored in the same millisecond, for stable keyset paging.
/// </summary>
internal static class AuditSchema
{
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var key = provider == DatabaseProvider.Sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
        var big = provider == DatabaseProvider.Sqlite ? "INTEGER" : "BIGINT";
        var statements = new List<string>();
        if (provider == DatabaseProvider.Sqlite)
        {
            // Readers (staff searches) never wait for the consumer's writes.
            statements.Add("PRAGMA journal_mode=WAL");
        }

        statements.AddRange(
        [
            $"""
            CREATE TABLE IF NOT EXISTS audit_events (
              seq {key},
              id TEXT NOT NULL UNIQUE,
              recorded_ms {big} NOT NULL,
              client_id TEXT,
              patient TEXT,
              outcome TEXT NOT NULL,
              subtype TEXT,
              address TEXT,
              json TEXT NOT NULL)
            """,
            "CREATE INDEX IF NOT EXISTS ix_audit_events_recorded ON audit_events (recorded_ms, seq)",
            "CREATE INDEX IF NOT EXISTS ix_audit_events_client ON audit_events (client_id, recorded_ms, seq)",
            "CREATE INDEX IF NOT EXISTS ix_audit_events_patient ON audit_events (patient, recorded_ms, seq)",
            "CREATE INDEX IF NOT EXISTS ix_audit_events_address ON audit_events (address, recorded_ms, seq)",
            $"""
            CREATE TABLE IF NOT EXISTS audit_dead_letters (
              seq {key},
              entry_id TEXT NOT NULL,
              reason TEXT NOT NULL,
              fields TEXT NOT NULL,
              received_ms {big} NOT NULL)
            """,
        ]);
        return statements;
    }
}
