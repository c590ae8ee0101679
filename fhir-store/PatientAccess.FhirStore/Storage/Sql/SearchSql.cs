using System.Globalization;
using System.Text;
using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// A search as one SQL statement: filter (clauses and scope), sort columns, keyset
/// position and limit. Dialect-neutral: the same text runs on SQLite and PostgreSQL.
/// </summary>
internal sealed class SearchSql
{
    public const string Columns = "seq, type, id, version, last_updated, deleted, json";

    private SearchSql(string text, SqlParameters parameters, IReadOnlyList<SortColumn> sort)
    {
        Text = text;
        Parameters = parameters;
        Sort = sort;
    }

    public string Text { get; }

    public SqlParameters Parameters { get; }

    public IReadOnlyList<SortColumn> Sort { get; }

    public static string Filter(SearchQuery query, AccessScope scope, SqlParameters p)
    {
        var where = new StringBuilder($"r.type = {p.Add(query.ResourceType)} AND r.deleted = 0 AND {ScopeSql.Predicate("r", scope, p, query.ResourceType)}");
        foreach (var clause in query.Clauses)
        {
            where.Append(" AND ").Append(ClauseSql.Predicate(clause, "r", scope, p));
        }

        return where.ToString();
    }

    public static SearchSql Count(SearchQuery query, AccessScope scope)
    {
        var p = new SqlParameters();
        return new SearchSql($"SELECT COUNT(*) FROM resources r WHERE {Filter(query, scope, p)}", p, []);
    }

    /// <summary>One page (plus one row, to know whether another page follows).</summary>
    public static SearchSql Page(SearchQuery query, AccessScope scope)
    {
        var p = new SqlParameters();
        var sort = query.Sort.Select(k => SortColumn.For(k, "r", p)).ToList();
        var select = new StringBuilder("SELECT r.seq, r.type, r.id, r.version, r.last_updated, r.deleted, r.json");
        for (var i = 0; i < sort.Count; i++)
        {
            select.Append(CultureInfo.InvariantCulture, $", {sort[i].Expression} AS s{i}");
        }

        select.Append(" FROM resources r WHERE ").Append(Filter(query, scope, p));
        var backward = query.After?.Backward == true;
        var text = new StringBuilder($"SELECT * FROM ({select}) q");
        if (query.After is { } cursor && cursor.SortValues.Count == sort.Count)
        {
            text.Append(" WHERE ").Append(Keyset(sort, cursor, p));
        }

        text.Append(" ORDER BY ");
        for (var i = 0; i < sort.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"q.s{i} {(sort[i].Descending ^ backward ? "DESC" : "ASC")}, ");
        }

        text.Append(CultureInfo.InvariantCulture, $"q.seq {(backward ? "DESC" : "ASC")} LIMIT {p.Add(query.Count + 1)}");
        return new SearchSql(text.ToString(), p, sort);
    }

    // Rows strictly after the cursor in the sort order (or before it, going backward):
    // (s0 > v0) OR (s0 = v0 AND s1 > v1) OR ... OR (all equal AND seq > cursor.seq).
    private static string Keyset(List<SortColumn> sort, PageCursor cursor, SqlParameters p)
    {
        var terms = new List<string>();
        var equal = new List<string>();
        for (var i = 0; i < sort.Count; i++)
        {
            var value = p.Add(sort[i].Bind(cursor.SortValues[i]));
            var after = sort[i].Descending ^ cursor.Backward ? "<" : ">";
            terms.Add("(" + string.Join(" AND ", equal.Append($"q.s{i} {after} {value}")) + ")");
            equal.Add($"q.s{i} = {value}");
        }

        terms.Add("(" + string.Join(" AND ", equal.Append($"q.seq {(cursor.Backward ? "<" : ">")} {p.Add(cursor.Seq)}")) + ")");
        return "(" + string.Join(" OR ", terms) + ")";
    }
}
