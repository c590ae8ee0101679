using PatientAccess.Fhir.Search;
using PatientAccess.FhirStore.Search;

namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>One search clause as a SQL predicate over the resource row <c>alias</c>.</summary>
internal static class ClauseSql
{
    public static string Predicate(SearchClause clause, string alias, AccessScope scope, SqlParameters p)
    {
        if (clause.IsId)
        {
            var ids = clause.Conditions.OfType<TokenCondition>().Select(t => t.Code ?? string.Empty);
            return $"{alias}.id {(clause.Negated ? "NOT IN" : "IN")} {p.AddList(ids)}";
        }

        if (clause.IsLastUpdated)
        {
            return "(" + string.Join(" OR ", clause.Conditions.OfType<DateCondition>()
                .Select(d => DateSql.Compare(d, $"{alias}.last_updated", $"{alias}.last_updated + 1", p))) + ")";
        }

        if (clause.Conditions is [MissingCondition missing])
        {
            var any = $"EXISTS (SELECT 1 FROM {Table(clause.Type)} x WHERE x.res = {alias}.seq AND x.param = {p.Add(clause.Code)})";
            return missing.Missing ? $"NOT {any}" : any;
        }

        // "seq IN (index lookup)" lets both databases drive the query from the index table's
        // (param, value) index instead of scanning every resource of the type.
        var code = p.Add(clause.Code);
        var alternatives = string.Join(" OR ", clause.Conditions.Select(c => Condition(c, "x", scope, p)));
        var matching = $"{alias}.seq IN (SELECT x.res FROM {Table(clause.Type)} x WHERE x.param = {code} AND ({alternatives}))";
        return clause.Negated ? $"NOT {matching}" : matching;
    }

    public static string Table(SearchParamType type) => type switch
    {
        SearchParamType.Token => "idx_token",
        SearchParamType.String => "idx_string",
        SearchParamType.Date => "idx_date",
        SearchParamType.Reference => "idx_reference",
        SearchParamType.Number => "idx_number",
        SearchParamType.Quantity => "idx_quantity",
        SearchParamType.Uri => "idx_uri",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an indexed parameter type"),
    };

    private static string Condition(SearchCondition condition, string x, AccessScope scope, SqlParameters p) => condition switch
    {
        TokenCondition { Text: not null } t => $"{x}.text LIKE {p.Add("%" + Like.Escape(t.Text) + "%")} ESCAPE '\\'",
        TokenCondition t => Token(t, x, p),
        StringCondition { Match: StringMatch.Exact } s => $"{x}.exact = {p.Add(s.Value)}",
        StringCondition s => $"{x}.norm LIKE {p.Add((s.Match == StringMatch.Contains ? "%" : string.Empty) + Like.Escape(SearchStringNormalizer.Normalize(s.Value)) + "%")} ESCAPE '\\'",
        DateCondition d => DateSql.Compare(d, $"{x}.low", $"{x}.high", p),
        ReferenceCondition r => Reference(r, x, p),
        ChainCondition c => Chain(c, x, scope, p),
        NumberCondition n => NumberSql.Compare(n, $"{x}.value", $"{x}.value", p),
        QuantityCondition q => Quantity(q, x, p),
        UriCondition { Below: true } u => $"{x}.uri LIKE {p.Add(Like.Escape(u.Value) + "%")} ESCAPE '\\'",
        UriCondition u => $"{x}.uri = {p.Add(u.Value)}",
        _ => "0=1",
    };

    private static string Token(TokenCondition t, string x, SqlParameters p)
    {
        var parts = new List<string>();
        if (t.Code is not null)
        {
            parts.Add($"{x}.code = {p.Add(t.Code)}");
        }

        if (t.SystemGiven)
        {
            parts.Add(t.System is null ? $"{x}.system IS NULL" : $"{x}.system = {p.Add(t.System)}");
        }

        return parts.Count == 0 ? "1=1" : "(" + string.Join(" AND ", parts) + ")";
    }

    private static string Reference(ReferenceCondition r, string x, SqlParameters p)
    {
        var byId = r.Id is null
            ? null
            : r.Type is null ? $"{x}.rid = {p.Add(r.Id)}" : $"({x}.rtype = {p.Add(r.Type)} AND {x}.rid = {p.Add(r.Id)})";
        var byUrl = r.Url is null ? null : $"{x}.url = {p.Add(r.Url)}";
        return (byId, byUrl) switch
        {
            (not null, not null) => $"({byId} OR {byUrl})",
            (not null, null) => byId,
            (null, not null) => byUrl,
            _ => "0=1",
        };
    }

    // The chained resource must itself be visible: otherwise a chain could probe another
    // member's, or a withheld sensitive, resource by its contents.
    private static string Chain(ChainCondition c, string x, AccessScope scope, SqlParameters p)
    {
        var type = p.Add(c.TargetType);
        var inner = new SearchClause(c.InnerCode, c.InnerType, [c.Inner]);
        return $"({x}.rtype = {type} AND EXISTS (SELECT 1 FROM resources t WHERE t.type = {type} AND t.id = {x}.rid AND t.deleted = 0"
            + $" AND {Predicate(inner, "t", scope, p)} AND {ScopeSql.Predicate("t", scope, p)}))";
    }

    private static string Quantity(QuantityCondition q, string x, SqlParameters p)
    {
        var number = NumberSql.Compare(q.Number, $"{x}.low", $"{x}.high", p);
        var unit = (q.System, q.Code) switch
        {
            (not null, not null) => $" AND {x}.system = {p.Add(q.System)} AND {x}.code = {p.Add(q.Code)}",
            (null, not null) => $" AND ({x}.code = {p.Add(q.Code)} OR {x}.unit = {p.Add(q.Code)})",
            _ => string.Empty,
        };
        return $"({number}{unit})";
    }
}
