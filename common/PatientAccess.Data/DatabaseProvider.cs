namespace PatientAccess.Data;

/// <summary>The two databases every store runs on: SQLite for the embedded mode, PostgreSQL for production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
