using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.Data;

/// <summary>Opens connections to the service's database, whichever provider is configured.</summary>
public sealed class DbConnectionFactory
{
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
            Cache = SqliteCacheMode.Shared,
        }.ToString();
    }
}
