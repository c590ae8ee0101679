using System.Data.Common;
using System.Globalization;
using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>Runs one page of a search and works out the cursors of the pages before and after it.</summary>
internal sealed class SearchPager(DbConnection connection)
{
    public async Task<SearchPage> FetchAsync(SearchQuery query, AccessScope scope, CancellationToken cancellationToken)
    {
        var sql = SearchSql.Page(query, scope);
        var rows = new List<(StoredResource Resource, long Seq, string?[] SortValues)>();
        await using (var command = connection.Command(sql.Text, sql.Parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var values = new string?[sql.Sort.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(7 + i) ? null : Convert.ToString(reader.GetValue(7 + i), CultureInfo.InvariantCulture);
                }

                rows.Add((reader.ReadResource(), reader.GetInt64(0), values));
            }
        }

        var hasMore = rows.Count > query.Count;
        if (hasMore)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        var backward = query.After?.Backward == true;
        if (backward)
        {
            rows.Reverse();
        }

        PageCursor? After(bool exists) => exists && rows.Count > 0 ? new PageCursor(false, rows[^1].Seq, rows[^1].SortValues) : null;
        PageCursor? Before(bool exists) => exists && rows.Count > 0 ? new PageCursor(true, rows[0].Seq, rows[0].SortValues) : null;
        var next = backward ? After(true) : After(hasMore);
        var previous = backward ? Before(hasMore) : Before(query.After is not null);
        return new SearchPage([.. rows.Select(r => r.Resource)], [], next, previous, null);
    }
}
