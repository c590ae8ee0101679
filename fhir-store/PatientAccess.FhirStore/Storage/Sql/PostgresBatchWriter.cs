using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// PostgreSQL is across a socket, so per-row statements cost a round trip each: new resources
/// get their seq from one nextval call for the whole batch, then every table is loaded with
/// binary COPY, the bulk path PostgreSQL is built for.
/// </summary>
internal sealed class PostgresBatchWriter : IBatchWriter
{
    private NpgsqlConnection? _connection;
    private readonly Queue<long> _sequence = new();

    public async Task StartAsync(DbConnection connection, DbTransaction transaction, int newResources, CancellationToken cancellationToken)
    {
        _connection = (NpgsqlConnection)connection;
        if (newResources == 0)
        {
            return;
        }

        await using var command = connection.Command(
            "SELECT nextval(pg_get_serial_sequence('resources', 'seq')) FROM generate_series(1, @n)", transaction: transaction);
        command.Bind("@n", newResources);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            _sequence.Enqueue(reader.GetInt64(0));
        }
    }

    public Task<long> InsertResourceAsync(IndexedResource resource, int version, DateTimeOffset lastUpdated, string hash, string json, IndexRowWriter rows, CancellationToken cancellationToken)
    {
        var seq = _sequence.Dequeue();
        rows.Resources.Add([seq, resource.Type, resource.Id, version, lastUpdated.UtcTicks, 0, hash, json]);
        return Task.FromResult(seq);
    }

    public async Task FlushAsync(IndexRowWriter rows, CancellationToken cancellationToken)
    {
        await CopyAsync("resources", IndexRowWriter.ResourceColumns, rows.Resources, cancellationToken);
        foreach (var (table, columns) in IndexRowWriter.IndexTables)
        {
            await CopyAsync(table, columns, rows.Rows[table], cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task CopyAsync(string table, string[] columns, List<object?[]> pending, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return;
        }

        await using (var copy = await _connection!.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in pending)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var value in row)
                {
                    await WriteAsync(copy, value, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        pending.Clear();
    }

    private static Task WriteAsync(NpgsqlBinaryImporter copy, object? value, CancellationToken cancellationToken) => value switch
    {
        null => copy.WriteNullAsync(cancellationToken),
        string s => copy.WriteAsync(s, NpgsqlDbType.Text, cancellationToken),
        long l => copy.WriteAsync(l, NpgsqlDbType.Bigint, cancellationToken),
        int i => copy.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken),
        double d => copy.WriteAsync(d, NpgsqlDbType.Double, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "not a column type the store writes"),
    };
}
