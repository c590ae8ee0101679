using System.Globalization;
using PatientAccess.Fhir.Search;


namespace PatientAccess.FhirStore.Storage.Sql;

/// <summary>
/// One <c>_sort</c> key as a SQL expression over the resource row. A resource with several
/// values sorts by its smallest ascending and its largest descending; one with none sorts last.
/// </summary>
internal sealed record SortColumn(string Expression, bool Descending, SortValueKind Kind)
{
    public static SortColumn For(PatientAccess.FhirStore.Search.SortKey key, string alias, SqlParameters p)
    {
        if (key.Code == "_id")
        {
            return new SortColumn($"{alias}.id", key.Descending, SortValueKind.Text);
        }

        if (key.Code == "_lastUpdated")
        {
            return new SortColumn($"{alias}.last_updated", key.Descending, SortValueKind.Integer);
        }

        var (ascending, descending, kind) = key.Type switch
        {
            SearchParamType.Date => ("low", "high", SortValueKind.Integer),
            SearchParamType.String => ("norm", "norm", SortValueKind.Text),
            SearchParamType.Token => ("code", "code", SortValueKind.Text),
            SearchParamType.Number => ("value", "value", SortValueKind.Real),
            SearchParamType.Quantity => ("low", "high", SortValueKind.Real),
            SearchParamType.Uri => ("uri", "uri", SortValueKind.Text),
            _ => throw new ArgumentOutOfRangeException(nameof(key), key.Type, "not sortable"),
        };
        var aggregate = key.Descending ? $"MAX(x.{descending})" : $"MIN(x.{ascending})";
        var value = $"(SELECT {aggregate} FROM {ClauseSql.Table(key.Type)} x WHERE x.res = {alias}.seq AND x.param = {p.Add(key.Code)})";
        return new SortColumn($"COALESCE({value}, {Last(kind, key.Descending)})", key.Descending, kind);
    }

    /// <summary>A cursor's text back into a value of this column's type, for binding.</summary>
    public object Bind(string? text) => Kind switch
    {
        SortValueKind.Integer => long.Parse(text ?? "0", CultureInfo.InvariantCulture),
        SortValueKind.Real => double.Parse(text ?? "0", CultureInfo.InvariantCulture),
        _ => text ?? string.Empty,
    };

    // Resources without a value sort after all others, in both directions.
    private static string Last(SortValueKind kind, bool descending) => (kind, descending) switch
    {
        (SortValueKind.Integer, false) => long.MaxValue.ToString(CultureInfo.InvariantCulture),
        (SortValueKind.Integer, true) => long.MinValue.ToString(CultureInfo.InvariantCulture),
        (SortValueKind.Real, false) => "1e308",
        (SortValueKind.Real, true) => "-1e308",
        (_, false) => "'\uffff'",
        _ => "''",
    };
}
