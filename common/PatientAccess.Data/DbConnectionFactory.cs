using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Data;

/// <summary>
/// Opens connections to the service's database, whichever provider is configured. SQLite
/// connections use SQLite's default private cache, not shared-cache mode: shared cache turns WAL's
/// readers-beside-the-writer into table locks inside the process (a staff search waits for the
/// monitor's inserts, and a statement that meets another connection's schema change fails at once
/// with SQLITE_LOCKED instead of waiting), and SQLite's documentation discourages it. Each connection
/// waits for the write lock in SQLite's own busy handler (<see cref="SqliteBusyTimeoutMilliseconds"/>),
/// not in Microsoft.Data.Sqlite's fixed 150 ms retries.
/// </summary>
public sealed class DbConnectionFactory
{
    /// <summary>How long a SQLite statement waits for another connection's write lock before it fails (SQLITE_BUSY).</summary>
    public const int SqliteBusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;

    public DbConnectionFactory(IOptions<DatabaseOptions> database, IOptions<ServiceOptions> service, DatabaseFileName fileName)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(fileName);
        Provider = database.Value.Provider;
        _connectionString = Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database.Value.ConnectionString)
            ? DefaultSqlite(service.Value.DataDirectory, fileName.Value)
            : database.Value.ConnectionString;
    }

    public DatabaseProvider Provider { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        DbConnection connection = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(_connectionString)
            : new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (Provider == DatabaseProvider.Sqlite)
            {
                await using var pragma = connection.CreateCommand();
                pragma.CommandText = FormattableString.Invariant($"PRAGMA busy_timeout={SqliteBusyTimeoutMilliseconds}");
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string DefaultSqlite(string dataDirectory, string fileName)
    {
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, fileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
        }.ToString();
    }
}
