using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PatientAccess.Data;
using PatientAccess.ServiceDefaults.Hosting;

namespace PatientAccess.AuthServer.Storage;

/// <summary>Points EF Core at the configured provider: the same <see cref="DatabaseOptions"/> every store uses.</summary>
internal static class AuthDbContextSetup
{
    private static readonly SqliteConnectionSettings SqliteSettings = new(busyTimeoutMilliseconds: 30_000);

    public static void Configure(IServiceProvider services, DbContextOptionsBuilder options)
    {
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var service = services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        var fileName = services.GetRequiredService<DatabaseFileName>().Value;
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            options.UseNpgsql(database.ConnectionString);
            return;
        }

        options.UseSqlite(string.IsNullOrWhiteSpace(database.ConnectionString)
            ? DefaultSqlite(service.DataDirectory, fileName)
            : database.ConnectionString);
        options.AddInterceptors(SqliteSettings);
    }

    // Unlike the shared-cache default of DbConnectionFactory, a private cache per connection
    // lets SQLite's busy timeout serialise concurrent writers instead of failing with SQLITE_LOCKED.
    private static string DefaultSqlite(string dataDirectory, string fileName)
    {
        var folder = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, fileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        }.ToString();
    }
}
