using PatientAccess.Data;

namespace PatientAccess.Monitor.Flags;

/// <summary>
/// The review queue's tables, made on first use like the audit tables. <c>monitor_flags</c>: one row
/// per flag with the ReviewItem's fields; <c>open_key</c> (client and detector) is set while the flag
/// waits for staff and null after, and is unique, so the database itself keeps one open flag per app
/// and detector even with several monitor processes. <c>action_id</c> is written with the flag,
/// before the authserver is called, so a retry after a crash reuses it. <c>monitor_decisions</c>:
/// every staff decision, with its own action_id written before its call.
/// </summary>
internal static class FlagSchema
{
    public static IReadOnlyList<string> Statements(DatabaseProvider provider)
    {
        var big = provider == DatabaseProvider.Sqlite ? "INTEGER" : "BIGINT";
        return
        [
            $"""
            CREATE TABLE IF NOT EXISTS monitor_flags (
              id TEXT PRIMARY KEY,
              client_id TEXT NOT NULL,
              detector TEXT NOT NULL,
              action TEXT NOT NULL,
              severity TEXT NOT NULL,
              state TEXT NOT NULL,
              open_key TEXT UNIQUE,
              flagged_ms {big} NOT NULL,
              updated_ms {big} NOT NULL,
              crossings INTEGER NOT NULL,
              evidence TEXT NOT NULL,
              explanation TEXT NOT NULL,
              action_id TEXT,
              action_done_ms {big},
              attempts INTEGER NOT NULL,
              next_attempt_ms {big},
              last_error TEXT,
              expires_ms {big},
              client_status TEXT,
              steps TEXT NOT NULL,
              decision TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS ix_monitor_flags_client ON monitor_flags (client_id, flagged_ms)",
            "CREATE INDEX IF NOT EXISTS ix_monitor_flags_state ON monitor_flags (state, flagged_ms)",
            $"""
            CREATE TABLE IF NOT EXISTS monitor_decisions (
              id TEXT PRIMARY KEY,
              client_id TEXT NOT NULL,
              kind TEXT NOT NULL,
              actor TEXT NOT NULL,
              reason TEXT NOT NULL,
              action_id TEXT NOT NULL,
              state TEXT NOT NULL,
              at_ms {big} NOT NULL,
              result TEXT)
            """,
            "CREATE INDEX IF NOT EXISTS ix_monitor_decisions_client ON monitor_decisions (client_id, kind, state)",
        ];
    }
}
