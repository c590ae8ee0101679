using System.ComponentModel.DataAnnotations;

namespace PatientAccess.Data;

/// <summary>A service's own database. Section <c>Database</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// ADO.NET connection string. Empty with SQLite: a file named after the service in
    /// <c>Service:DataDirectory</c>. Required with PostgreSQL.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("is required when Database:Provider is PostgreSql", [nameof(ConnectionString)]);
        }
    }
}
