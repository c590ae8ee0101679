namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>The production schema: the same tables as SQLite, in PostgreSQL's types.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    // Autovacuum analyzes eventually; right after a bulk import the planner needs it now.
    public IReadOnlyList<string> Analyze { get; } = ["ANALYZE"];

    IBatchWriter ISqlDialect.CreateBatchWriter() => new PostgresBatchWriter();

    public IReadOnlyList<string> Schema { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS resources (
            seq BIGSERIAL PRIMARY KEY,
            type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
            last_updated BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,
            hash TEXT NOT NULL, json TEXT NOT NULL,
            UNIQUE (type, id))
        """,
        "CREATE INDEX IF NOT EXISTS ix_resources_updated ON resources (type, last_updated)",
        """
        CREATE TABLE IF NOT EXISTS history (
            type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
            last_updated BIGINT NOT NULL, json TEXT NOT NULL,
            PRIMARY KEY (type, id, version))
        """,
        "CREATE TABLE IF NOT EXISTS compartment (patient TEXT NOT NULL, res BIGINT NOT NULL, PRIMARY KEY (patient, res))",
        "CREATE INDEX IF NOT EXISTS ix_compartment_res ON compartment (res)",
        "CREATE TABLE IF NOT EXISTS security (res BIGINT NOT NULL, label TEXT NOT NULL, PRIMARY KEY (res, label))",
        "CREATE TABLE IF NOT EXISTS idx_token (res BIGINT NOT NULL, param TEXT NOT NULL, system TEXT, code TEXT, text TEXT)",
        "CREATE INDEX IF NOT EXISTS ix_token ON idx_token (param, code, res)",
        "CREATE INDEX IF NOT EXISTS ix_token_res ON idx_token (res)",
        "CREATE TABLE IF NOT EXISTS idx_string (res BIGINT NOT NULL, param TEXT NOT NULL, norm TEXT NOT NULL, exact TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_string ON idx_string (param, norm text_pattern_ops, res)",
        "CREATE INDEX IF NOT EXISTS ix_string_res ON idx_string (res)",
        "CREATE TABLE IF NOT EXISTS idx_date (res BIGINT NOT NULL, param TEXT NOT NULL, low BIGINT NOT NULL, high BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_date ON idx_date (param, low, res)",
        "CREATE INDEX IF NOT EXISTS ix_date_res ON idx_date (res)",
        "CREATE TABLE IF NOT EXISTS idx_reference (res BIGINT NOT NULL, param TEXT NOT NULL, rtype TEXT, rid TEXT, url TEXT)",
        "CREATE INDEX IF NOT EXISTS ix_reference ON idx_reference (param, rid, res)",
        "CREATE INDEX IF NOT EXISTS ix_reference_res ON idx_reference (res)",
        "CREATE TABLE IF NOT EXISTS idx_number (res BIGINT NOT NULL, param TEXT NOT NULL, value DOUBLE PRECISION NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_number_res ON idx_number (res)",
        "CREATE TABLE IF NOT EXISTS idx_quantity (res BIGINT NOT NULL, param TEXT NOT NULL, low DOUBLE PRECISION NOT NULL, high DOUBLE PRECISION NOT NULL, system TEXT, code TEXT, unit TEXT)",
        "CREATE INDEX IF NOT EXISTS ix_quantity_res ON idx_quantity (res)",
        "CREATE TABLE IF NOT EXISTS idx_uri (res BIGINT NOT NULL, param TEXT NOT NULL, uri TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS ix_uri_res ON idx_uri (res)",
        // Facts about the stored data as a whole, such as the access rule version it was judged by.
        "CREATE TABLE IF NOT EXISTS store_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ];
}
