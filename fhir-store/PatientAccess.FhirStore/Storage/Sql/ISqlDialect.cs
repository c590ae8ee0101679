namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>What differs between SQLite and PostgreSQL: only the schema; queries are shared.</summary>
public interface ISqlDialect
{
    /// <summary>Statements that create the schema if it is missing, run in order on every start.</summary>
    IReadOnlyList<string> Schema { get; }
}
