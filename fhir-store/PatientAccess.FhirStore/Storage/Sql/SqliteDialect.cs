namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>The embedded mode's schema; WAL so that searches run while an import writes.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    // A bounded sample per index keeps ANALYZE to milliseconds even on a large file.
    public IReadOnlyList<string> Analyze { get; } = ["PRAGMA analysis_limit=1000", "ANALYZE"];

    IBatchWriter ISqlDialect.CreateBatchWriter() => new SqliteBatchWriter();

    public IReadOnlyList<string> Schema { get; } =
    [
        "PRAGMA journal_mode=WAL",
        """
        CREATE TABLE IF NOT EXISTS resources (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
            last_updated INTEGER NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
            hash TEXT NOT NULL, json TEXT NOT NULL,
            UNIQUE (type, id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_resources_updated ON resources (type, last_updated)",
        """
        CREATE TABLE IF NOT EXISTS history (
            type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
            last_updated INTEGER NOT NULL, json TEXT NOT NULL,
            PRIMARY KEY (type, id, version)) WITHOUT ROWID
        """,
        "CREATE TABLE IF NOT EXISTS compartment (patient TEXT NOT NULL, res INTEGER NOT NULL, PRIMARY KEY (patient, res)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS ix_compartment_res ON compartment (res)",
        "CREATE TABLE IF NOT EXISTS security (res INTEGER NOT NULL, label TEXT NOT NULL, PRIMARY KEY (res, label)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS idx_token (res INTEGER NOT NULL, param TEXT NOT NULL, system TEXT, code TEXT, text TEXT)",
        "CREATE INDEX IF NOT EXISTS ix_token ON idx_token (param, code, res)",
        "CREATE INDEX IF NOT EXISTS ix_token_res ON idx_token (res)",
        "CREATE TABLE IF NOT EXISTS idx_string (res INTEGER NOT NULL, param TEXT NOT NULL, norm TEXT NOT NULL, exact TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_string ON idx_string (param, norm, res)",
        "CREATE INDEX IF NOT EXISTS ix_string_res ON idx_string (res)",
        "CREATE TABLE IF NOT EXISTS idx_date (res INTEGER NOT NULL, param TEXT NOT NULL, low INTEGER NOT NULL, high INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_date ON idx_date (param, low, res)",
        "CREATE INDEX IF NOT EXISTS ix_date_res ON idx_date (res)",
        "CREATE TABLE IF NOT EXISTS idx_reference (res INTEGER NOT NULL, param TEXT NOT NULL, rtype TEXT, rid TEXT, url TEXT)",
        "CREATE INDEX IF NOT EXISTS ix_reference ON idx_reference (param, rid, res)",
        "CREATE INDEX IF NOT EXISTS ix_reference_res ON idx_reference (res)",
        "CREATE TABLE IF NOT EXISTS idx_number (res INTEGER NOT NULL, param TEXT NOT NULL, value REAL NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_number_res ON idx_number (res)",
        "CREATE TABLE IF NOT EXISTS idx_quantity (res INTEGER NOT NULL, param TEXT NOT NULL, low REAL NOT NULL, high REAL NOT NULL, system TEXT, code TEXT, unit TEXT)",
        "CREATE INDEX IF NOT EXISTS ix_quantity_res ON idx_quantity (res)",
        "CREATE TABLE IF NOT EXISTS idx_uri (res INTEGER NOT NULL, param TEXT NOT NULL, uri TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_uri_res ON idx_uri (res)",
        // Facts about the stored data as a whole, such as the access rule version it was judged by.
        "CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ];
}
