using System.Data.Common;
using System.Globalization;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// SQLite is in-process, so a statement costs microseconds: one prepared single-row INSERT per
/// table, re-bound for every row (binding hundreds of named parameters in one multi-row
/// statement costs more than it saves with Microsoft.Data.Sqlite).
/// </summary>
internal sealed class SqliteBatchWriter : IBatchWriter
{
    private DbConnection? _connection;
    private DbTransaction? _transaction;
    private DbCommand? _insert;

    public Task StartAsync(DbConnection connection, DbTransaction transaction, int newResources, CancellationToken cancellationToken)
    {
        _connection = connection;
        _transaction = transaction;
        _insert = connection.Command(
            "INSERT INTO resources (type, id, version, last_updated, deleted, hash, json) VALUES (@t, @i, @v, @u, 0, @h, @j) RETURNING seq",
            transaction: transaction);
        foreach (var name in new[] { "@t", "@i", "@v", "@u", "@h", "@j" })
        {
            _insert.Bind(name, null);
        }

        _insert.Prepare();
        return Task.CompletedTask;
    }

    public async Task<long> InsertResourceAsync(IndexedResource resource, int version, DateTimeOffset lastUpdated, string hash, string json, IndexRowWriter rows, CancellationToken cancellationToken)
    {
        var insert = _insert!;
        insert.Parameters["@t"].Value = resource.Type;
        insert.Parameters["@i"].Value = resource.Id;
        insert.Parameters["@v"].Value = version;
        insert.Parameters["@u"].Value = lastUpdated.UtcTicks;
        insert.Parameters["@h"].Value = hash;
        insert.Parameters["@j"].Value = json;
        return Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public async Task FlushAsync(IndexRowWriter rows, CancellationToken cancellationToken)
    {
        foreach (var (table, columns) in IndexRowWriter.IndexTables)
        {
            var pending = rows.Rows[table];
            if (pending.Count == 0)
            {
                continue;
            }

            var names = columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@v{i}")).ToArray();
            await using var command = _connection!.Command(
                $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})", transaction: _transaction);
            var parameters = names.Select(n => command.Bind(n, null)).ToArray();
            command.Prepare();
            foreach (var row in pending)
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            pending.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
    }
}
