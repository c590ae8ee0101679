using PatientAccess.Fhir.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// Collects a batch's rows per table (new resources, index entries, compartment and security
/// links), so that an <see cref="IBatchWriter"/> can write each table in bulk.
/// </summary>
internal sealed class IndexRowWriter
{
    public static readonly (string Table, string[] Columns)[] IndexTables =
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

    public static readonly string[] ResourceColumns = ["seq", "type", "id", "version", "last_updated", "deleted", "hash", "json"];

    public Dictionary<string, List<object?[]>> Rows { get; } = IndexTables.ToDictionary(t => t.Table, _ => new List<object?[]>());

    /// <summary>New resources with their pre-allocated seq (only for writers that bulk-copy them).</summary>
    public List<object?[]> Resources { get; } = [];

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
                Rows[table].Add(values);
            }
        }

        // A resource may link the same patient twice (subject and performer): one row each.
        foreach (var patient in resource.CompartmentPatients.Distinct(StringComparer.Ordinal))
        {
            Rows["compartment"].Add([res, patient]);
        }

        foreach (var label in resource.SensitiveLabels.Distinct(StringComparer.Ordinal))
        {
            Rows["security"].Add([res, label]);
        }
    }
}
