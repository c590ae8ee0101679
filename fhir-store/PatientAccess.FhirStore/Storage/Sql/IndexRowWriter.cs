using System.Data.Common;
using System.Globalization;
using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// Collects a batch's index, compartment and security rows and writes them table by
/// table with one prepared statement each, instead of a dozen statements per resource.
/// </summary>
internal sealed class IndexRowWriter(DbConnection connection, DbTransaction transaction)
{
    private static readonly (string Table, string[] Columns)[] Tables =
    [
        ("idx_token", ["res", "param", "system", "code", "text"]),
        ("idx_string", ["res", "param", "norm", "exact"]),
        ("idx_date", ["res", "param", "low", "high"]),
        ("idx_reference", ["res", "param", "rtype", "rid", "url"]),
        ("idx_number", ["res", "param", "value"]),
        ("idx_quantity", ["res", "param", "low", "high", "system", "code", "unit"]),
        ("idx_uri", ["res", "param", "uri"]),
        ("compartment", ["res", "patient"]),
        ("security", ["res", "label"]),
    ];

    private readonly Dictionary<string, List<object?[]>> _rows = Tables.ToDictionary(t => t.Table, _ => new List<object?[]>());

    public async Task ClearAsync(long res, CancellationToken cancellationToken)
    {
        foreach (var (table, _) in Tables)
        {
            await using var delete = connection.Command($"DELETE FROM {table} WHERE res = @res", transaction: transaction);
            delete.Bind("@res", res);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public void Add(long res, IndexedResource resource)
    {
        foreach (var entry in resource.Entries)
        {
            var (table, values) = entry switch
            {
                TokenIndexEntry t => ("idx_token", new object?[] { res, t.Code, t.System, t.Value, t.Text }),
                StringIndexEntry s => ("idx_string", [res, s.Code, s.Normalized, s.Exact]),
                DateIndexEntry d => ("idx_date", [res, d.Code, d.Low.UtcTicks, d.High.UtcTicks]),
                ReferenceIndexEntry r => ("idx_reference", [res, r.Code, r.ResourceType, r.Id, r.Url]),
                NumberIndexEntry n => ("idx_number", [res, n.Code, (double)n.Value]),
                QuantityIndexEntry q => ("idx_quantity", [res, q.Code, (double)q.Low, (double)q.High, q.System, q.UnitCode, q.Unit]),
                UriIndexEntry u => ("idx_uri", [res, u.Code, u.Uri]),
                _ => (string.Empty, []),
            };
            if (table.Length > 0)
            {
                _rows[table].Add(values);
            }
        }

        foreach (var patient in resource.CompartmentPatients)
        {
            _rows["compartment"].Add([res, patient]);
        }

        foreach (var label in resource.SensitiveLabels)
        {
            _rows["security"].Add([res, label]);
        }
    }

    // One prepared single-row INSERT per table, re-bound for every row: with SQLite, binding
    // hundreds of named parameters in one statement costs more than it saves.
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var (table, columns) in Tables)
        {
            var rows = _rows[table];
            if (rows.Count == 0)
            {
                continue;
            }

            var conflict = table is "compartment" or "security" ? " ON CONFLICT DO NOTHING" : string.Empty;
            var names = columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"@v{i}")).ToArray();
            await using var command = connection.Command(
                $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)}){conflict}", transaction: transaction);
            var parameters = names.Select(n => command.Bind(n, null)).ToArray();
            command.Prepare();
            foreach (var row in rows)
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = row[c] ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            rows.Clear();
        }
    }
}
